package org.lemsbridge.sim;

/** One wire from an out port: where the event goes and after what delay (0 = synchronous). */
record Connection(EventTarget target, double delay) {
}
