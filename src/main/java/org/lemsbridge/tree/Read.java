package org.lemsbridge.tree;

/**
 * What a name read from {@code from} resolves to, as jLEMS's lookup finds it (exposure first, then a variable,
 * then the parent's lookup): slot {@code slot} of {@code owner}'s exposure snapshots ({@code exposure}) or
 * variables. {@code owner} is {@code from} or one of its ancestors.
 */
public record Read(Node from, Node owner, boolean exposure, int slot) {

    /** The array and index the value lives in. */
    public Ref ref() {
        return new Ref(exposure ? owner.exposed() : owner.vars(), slot);
    }

    /** The variable read: the one an exposure copies (null for an exposure no variable maps to), or the variable. */
    public String variable() {
        Kind kind = owner.kind();
        if (!exposure) {
            return kind.slotNames[slot];
        }
        int source = kind.exposureSources[slot];
        return source < 0 ? null : kind.slotNames[source];
    }
}
