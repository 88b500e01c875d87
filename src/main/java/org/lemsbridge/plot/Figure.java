package org.lemsbridge.plot;

import java.util.List;

/**
 * A picture: a title over one or more panels stacked top to bottom.
 *
 * @param title  the title, or empty
 * @param panels the panels, top first
 * @param width  width in pixels (at least 200)
 * @param height height in pixels (at least 150)
 */
public record Figure(String title, List<Panel> panels, int width, int height) {

    public Figure {
        title = title == null ? "" : title;
        panels = List.copyOf(panels);
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a figure needs at least one panel");
        }
        if (width < 200 || height < 150) {
            throw new IllegalArgumentException("a figure must be at least 200x150 pixels, got " + width + "x" + height);
        }
    }
}
