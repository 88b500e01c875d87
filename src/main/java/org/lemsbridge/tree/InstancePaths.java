package org.lemsbridge.tree;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.NearestName;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.lems.AttributePlaces;

/**
 * Node paths as jLEMS reads them in With, ForEach, recorders and event selections: {@code ..} goes up, a name
 * selects a child (Child name, list-member id, id or index inside a group), {@code a[i]} is the i-th member of
 * the single multi group of {@code a}, and {@code set:componentId:n} picks from an attachment set.
 */
public final class InstancePaths {

    private InstancePaths() {
    }

    /**
     * As {@link #resolve}, for a path that {@code attribute} of the element at {@code where} gives: a path that finds
     * nothing is reported at that attribute.
     */
    public static Node resolveAttribute(Node base, String path, SourceLocation where, String attribute) {
        try {
            return resolve(base, path, where);
        } catch (BadInputException e) {
            throw AttributePlaces.atAttribute(e, attribute);
        }
    }

    /** Resolves an instance path such as {@code pop[0]}, {@code ../pop/0/cell} or {@code pop[0]/i0}. */
    public static Node resolve(Node base, String path, SourceLocation where) {
        Node current = base;
        // the steps are the parts between slashes, and an index [i] is a step of its own
        int length = path.length();
        int start = 0;
        while (start < length) {
            int end = start + 1;
            while (end < length && path.charAt(end) != '/' && path.charAt(end) != '[') {
                end++;
            }
            if (path.charAt(start) == '/') {
                start++;
                continue;
            }
            current = path.charAt(start) == '[' && path.charAt(end - 1) == ']' && end - start >= 2
                    ? member(current, path, start, end, where)
                    : step(current, path.substring(start, end), path, where);
            start = end;
        }
        return current;
    }

    private static Node step(Node current, String step, String path, SourceLocation where) {
        if (step.equals(".")) {
            return current;
        }
        if (step.equals("..")) {
            current = current.parent();
        } else if (step.indexOf(':') > 0) {
            current = attachmentByPath(current, step, path, where);
        } else {
            Node next = current.findChild(step);
            if (next == null && step.equals(current.id())) {
                next = current;
            }
            if (next == null) {
                throw new BadInputException(where, "path '" + path + "': no '" + step + "' in " + current.path(),
                        closest(current, step));
            }
            current = next;
        }
        if (current == null) {
            throw new BadInputException(where, "path '" + path + "' goes above the root");
        }
        return current;
    }

    /**
     * The member {@code [i]} that {@code path} names from {@code start} to {@code end} (brackets included) of
     * {@code current}'s MultiInstantiate; read in place, as paths of a hundred thousand inputs name one each.
     */
    private static Node member(Node current, String path, int start, int end, SourceLocation where) {
        int from = start + 1;
        int to = end - 1;
        while (from < to && path.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && path.charAt(to - 1) <= ' ') {
            to--;
        }
        int index;
        try {
            index = Integer.parseInt(path, from, to, 10);
        } catch (NumberFormatException e) {
            throw new BadInputException(where, "bad index " + path.substring(start, end) + " in path '" + path + "'");
        }
        List<Node> members = current.multiMembers();
        if (members == null || index < 0 || index >= members.size()) {
            throw new BadInputException(where, "path '" + path + "': " + current.path() + " has no member "
                    + path.substring(start, end));
        }
        return members.get(index);
    }

    /** jLEMS's {@code set:componentId:n}: the n-th member of attachment set {@code set} made from that component. */
    private static Node attachmentByPath(Node at, String step, String path, SourceLocation where) {
        String[] parts = step.split(":");
        List<Node> members = at.group(parts[0]);
        if (members != null && parts.length == 3) {
            int wanted;
            try {
                wanted = Integer.parseInt(parts[2].trim());
            } catch (NumberFormatException e) {
                throw new BadInputException(where, "bad index in '" + step + "' of path '" + path + "'");
            }
            int seen = 0;
            for (Node member : members) {
                if (parts[1].equals(member.id()) && seen++ == wanted) {
                    return member;
                }
            }
        }
        throw new BadInputException(where, "path '" + path + "': no '" + step + "' in " + at.path(),
                closest(at, step));
    }

    /** Few enough names of what is inside an instance to look for the one a misspelled step meant. */
    private static final int MAX_CANDIDATES = 10_000;

    /** "did you mean ...?" with the closest name of a child, list or attachment of {@code at}, or null. */
    private static String closest(Node at, String step) {
        Set<String> names = new LinkedHashSet<>(at.groupNames());
        for (Node child : at.children()) {
            if (names.size() >= MAX_CANDIDATES) {
                break;
            }
            if (child.name() != null) {
                names.add(child.name());
            }
            if (child.id() != null) {
                names.add(child.id());
            }
        }
        for (String group : at.groupNames()) {
            Map<String, Integer> seen = new HashMap<>();
            for (Node member : at.group(group)) {
                if (names.size() >= MAX_CANDIDATES) {
                    break;
                }
                if (member.id() != null) {
                    int n = seen.merge(member.id(), 1, Integer::sum) - 1;
                    names.add(group + ":" + member.id() + ":" + n);
                }
            }
        }
        return NearestName.among(names, step).map(name -> "did you mean '" + name + "'?").orElse(null);
    }
}
