package org.lemsbridge.tree;

/** Something an event can be delivered to: an instance's in port, or an event recorder. */
@FunctionalInterface
public interface EventTarget {
    void receive();
}
