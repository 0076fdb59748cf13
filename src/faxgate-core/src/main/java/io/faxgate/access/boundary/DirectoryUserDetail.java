package io.faxgate.access.boundary;

import io.faxgate.directory.boundary.DirectoryUserView;
import io.faxgate.directory.boundary.SecurityGroupView;

import io.faxgate.fax.boundary.FaxLineView;
import java.util.List;

/** A user with what they reach: their groups and, through them, their fax lines. */
public record DirectoryUserDetail(DirectoryUserView user, List<SecurityGroupView> groups, List<FaxLineView> faxLines,
                                  List<String> permissions) implements java.io.Serializable {
}
