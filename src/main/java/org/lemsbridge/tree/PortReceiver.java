package org.lemsbridge.tree;

/** An event wire's end at an instance's in port. */
public record PortReceiver(Node node, String port) implements EventTarget {
    @Override
    public void receive() {
        node.receive(port);
    }
}
