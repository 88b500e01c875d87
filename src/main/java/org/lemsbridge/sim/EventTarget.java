package org.lemsbridge.sim;

/** Something an event can be delivered to: an instance's in port, or an event recorder. */
@FunctionalInterface
interface EventTarget {
    void receive();
}
