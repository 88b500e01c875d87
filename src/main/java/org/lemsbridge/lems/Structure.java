package org.lemsbridge.lems;

import java.util.List;

import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.expr.Expr;

/** The build instructions of a ComponentType, in document order. */
public record Structure(List<Item> items) {

    public Structure {
        items = List.copyOf(items);
    }

    public static Structure empty() {
        return new Structure(List.of());
    }

    public sealed interface Item permits ChildInstance, MultiInstantiate, With, ForEach, EventConnection, Tunnel {
        SourceLocation location();
    }

    public record ChildInstance(String component, SourceLocation location) implements Item {
    }

    /**
     * {@code number} members of the component a ComponentReference {@code component} names, or, with
     * {@code componentType} instead, of a new component of that type with no values of its own.
     */
    public record MultiInstantiate(String number, String component, String componentType, List<Assign> assigns,
            SourceLocation location) implements Item {
        public MultiInstantiate {
            assigns = List.copyOf(assigns);
        }
    }

    /** {@code instance} is set, or {@code list} and {@code index}. */
    public record With(String instance, String list, String index, String as, SourceLocation location)
            implements Item {
    }

    public record ForEach(String instances, String as, List<Item> items, SourceLocation location) implements Item {
        public ForEach {
            items = List.copyOf(items);
        }
    }

    public record EventConnection(String from, String to, String delay, String receiver, String receiverContainer,
            String sourcePort, String targetPort, List<Assign> assigns, SourceLocation location) implements Item {
        public EventConnection {
            assigns = List.copyOf(assigns);
        }
    }

    public record Tunnel(String name, String endA, String endB, String componentA, String componentB,
            List<Assign> assigns, SourceLocation location) implements Item {
        public Tunnel {
            assigns = List.copyOf(assigns);
        }
    }

    public record Assign(String property, Expr value, SourceLocation location) {
    }
}
