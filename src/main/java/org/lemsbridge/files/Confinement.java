package org.lemsbridge.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.lemsbridge.util.Mapped;

/**
 * The folders an untrusted model may reach ({@code --confine DIR}, {@code confine:} in a suite): with any folder
 * listed, every file a model or suite names (includes, output files, suite paths) must lie inside one of them, after
 * {@code ..} and symbolic links are resolved. With none listed, nothing is confined, as in jLEMS.
 */
public record Confinement(List<Path> folders) {

    /** No confinement: files are found and written where the model says, as jLEMS does. */
    public static final Confinement NONE = new Confinement(List.of());

    public Confinement {
        List<Path> distinct = new ArrayList<>();
        for (Path folder : folders) {
            Path real = real(folder);
            if (!distinct.contains(real)) {
                distinct.add(real);
            }
        }
        folders = Collections.unmodifiableList(distinct);
    }

    public static Confinement to(List<Path> folders) {
        return folders.isEmpty() ? NONE : new Confinement(folders);
    }

    /** This confinement with {@code more} folders allowed too. */
    public Confinement and(List<Path> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Path> both = new ArrayList<>(folders);
        both.addAll(more);
        return new Confinement(both);
    }

    /**
     * The folders both confinements allow (two folders overlap only when one holds the other, so the overlap is
     * the deeper one); empty when they share none, and {@code this} or {@code other} unchanged when the other is
     * inactive.
     */
    public Optional<Confinement> intersect(Confinement other) {
        if (!other.isActive()) {
            return Optional.of(this);
        }
        if (!isActive()) {
            return Optional.of(other);
        }
        List<Path> shared = new ArrayList<>();
        for (Path mine : folders) {
            for (Path theirs : other.folders) {
                if (mine.startsWith(theirs)) {
                    shared.add(mine);
                } else if (theirs.startsWith(mine)) {
                    shared.add(theirs);
                }
            }
        }
        return shared.isEmpty() ? Optional.empty() : Optional.of(new Confinement(shared));
    }

    public boolean isActive() {
        return !folders.isEmpty();
    }

    /** True when nothing is confined or {@code path} (resolved) is inside a listed folder. */
    public boolean allows(Path path) {
        return refusal(path).isEmpty();
    }

    /**
     * Empty when {@code path} may be used; otherwise the path as resolved, for a message such as
     * "resolves to X, outside the --confine folders [..]".
     */
    public Optional<Path> refusal(Path path) {
        if (!isActive()) {
            return Optional.empty();
        }
        Path resolved = real(path);
        return Mapped.any(folders, resolved::startsWith) ? Optional.empty() : Optional.of(resolved);
    }

    /** The listed folders, as a message shows them. */
    public String describe() {
        return folders.toString();
    }

    /**
     * The absolute, normalised path with every existing part's symbolic links resolved (a file not yet written is
     * resolved through its nearest existing folder).
     */
    static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null) {
            try {
                Path realExisting = existing.toRealPath();
                return realExisting.resolve(existing.relativize(absolute)).normalize();
            } catch (IOException e) {
                existing = existing.getParent();
            }
        }
        return absolute;
    }
}
