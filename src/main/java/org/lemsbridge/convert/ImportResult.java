package org.lemsbridge.convert;

import java.util.List;
import org.lemsbridge.error.BadInputException;

/**
 * What {@link LemsToExperiment} made of a document: the members it imported and, one per member or network
 * element it could not import faithfully, the reason with its source location.
 */
public record ImportResult(List<ImportedMember> members, List<BadInputException> problems) {

    public ImportResult {
        members = List.copyOf(members);
        problems = List.copyOf(problems);
    }
}
