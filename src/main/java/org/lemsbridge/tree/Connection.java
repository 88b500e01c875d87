package org.lemsbridge.tree;

/** One wire from an out port: where the event goes and after what delay (0 = synchronous). */
public record Connection(EventTarget target, double delay) {
}
