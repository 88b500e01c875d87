package org.lemsbridge.plot;

import java.awt.Color;
import java.util.List;
import java.util.Optional;

/** Line colours: LEMS's {@code #rrggbb} strings, a default palette, and a pale version of a colour. */
public final class Colors {

    /** Distinct on white and for the common kinds of colour blindness (Okabe and Ito's palette, darkened). */
    private static final List<Color> PALETTE = List.of(new Color(0x00, 0x72, 0xb2), new Color(0xd5, 0x5e, 0x00),
            new Color(0x00, 0x9e, 0x73), new Color(0xcc, 0x79, 0xa7), new Color(0x56, 0x56, 0x56),
            new Color(0xe6, 0x9f, 0x00), new Color(0x56, 0xb4, 0xe9), new Color(0x8c, 0x51, 0x0a));

    private Colors() {
    }

    /** The i-th colour of the default palette (it repeats after eight). */
    public static Color palette(int index) {
        return PALETTE.get(Math.floorMod(index, PALETTE.size()));
    }

    /** {@code #rrggbb} or {@code #rgb} (case-insensitive), empty for anything else. */
    public static Optional<Color> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String hex = text.trim();
        if (!hex.matches("#[0-9A-Fa-f]{6}|#[0-9A-Fa-f]{3}")) {
            return Optional.empty();
        }
        if (hex.length() == 4) {
            hex = "#" + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2) + hex.charAt(3) + hex.charAt(3);
        }
        return Optional.of(new Color(Integer.parseInt(hex.substring(1), 16)));
    }

    /** {@code color} mixed with white: {@code share} of the colour, the rest white (opaque, so SVG and PNG agree). */
    public static Color pale(Color color, double share) {
        return new Color(mix(color.getRed(), share), mix(color.getGreen(), share), mix(color.getBlue(), share));
    }

    private static int mix(int channel, double share) {
        return (int) Math.round(channel * share + 255 * (1 - share));
    }

    /** {@code #rrggbb}, lower case. */
    public static String hex(Color color) {
        return String.format("#%06x", color.getRGB() & 0xffffff);
    }
}
