package io.faxgate.directory.boundary;

import java.util.List;

public record UserPage(List<DirectoryUserView> items, int page, int size, long total) {
}
