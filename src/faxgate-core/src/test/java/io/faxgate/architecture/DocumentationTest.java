package io.faxgate.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documentation points only at what is there (issue 17, "Tidy"): links and repository paths in README.md,
 * docs/ and the modules' READMEs resolve, every decision record is listed in docs/architecture.md, and every record
 * says when it was taken and whether it still holds.
 */
class DocumentationTest {

    static final Path ROOT = Path.of("../..");

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern REPOSITORY_PATH = Pattern.compile("`((?:src|docs|ear|server-config|docker)/[A-Za-z0-9_.\\-/]*)`");
    private static final Pattern HEADING = Pattern.compile("(?m)^#+\\s+(.+)$");
    private static final Pattern DATE_AND_STATUS = Pattern.compile("(?m)^\\**Date:?\\**:? \\d{4}-\\d{2}-\\d{2} · \\**Status:?\\**:? \\w+");

    static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs")); Stream<Path> modules = Files.list(ROOT.resolve("src"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
            modules.map(m -> m.resolve("README.md")).filter(Files::exists).sorted().forEach(documents::add);
        }
        return documents;
    }

    @Test
    void linksAndRepositoryPathsResolve() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path document : documents()) {
            String text = Files.readString(document);
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("[a-z]+:.*")) {
                    continue; // http(s), mailto: not checked here
                }
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : "";
                Path resolved = file.isEmpty() ? document : document.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(ROOT.relativize(document) + ": " + target);
                } else if (!anchor.isEmpty() && resolved.toString().endsWith(".md") && !anchors(resolved).contains(anchor)) {
                    broken.add(ROOT.relativize(document) + ": " + target + " (no such heading)");
                }
            }
            Matcher path = REPOSITORY_PATH.matcher(text);
            while (path.find()) {
                if (!Files.exists(ROOT.resolve(path.group(1))) && !ignoredByGit(path.group(1))) {
                    broken.add(ROOT.relativize(document) + ": `" + path.group(1) + "`");
                }
            }
        }
        assertThat(broken).as("links and paths to files that are not in the repository").isEmpty();
    }

    @Test
    void buildOutputsAnywhereCountAsIgnoredButShippedFilesDoNot() throws IOException {
        // a clean clone runs this before anything is built: ear/target/ must not count as a missing file
        assertThat(ignoredByGit("ear/target/faxgate.ear")).isTrue();
        assertThat(ignoredByGit("src/faxgate-it/target/")).isTrue();
        assertThat(ignoredByGit("docker/secrets/master-key")).isTrue();
        assertThat(ignoredByGit("docs/operations.md")).isFalse();
        assertThat(ignoredByGit("server-config/cluster.sh")).isFalse();
    }

    @Test
    void everyDecisionRecordIsListedAndDatedWithAStatus() throws IOException {
        String architecture = Files.readString(ROOT.resolve("docs/architecture.md"));
        assertThat(architecture).contains("\n## Decision records\n");
        String list = architecture.substring(architecture.indexOf("\n## Decision records\n")); // a link elsewhere is no listing
        List<String> problems = new ArrayList<>();
        try (Stream<Path> records = Files.list(ROOT.resolve("docs/decisions"))) {
            for (Path record : records.filter(p -> p.getFileName().toString().matches("\\d{4}[a-z]?-.*\\.md")).sorted().toList()) {
                String name = record.getFileName().toString();
                if (!list.contains("- [" + name.substring(0, name.indexOf('-')) + " ") || !list.contains("(decisions/" + name + ")")) {
                    problems.add(name + " is not listed under 'Decision records' in docs/architecture.md");
                }
                String head = Files.readString(record).lines().limit(6).reduce("", (a, b) -> a + b + "\n");
                if (!DATE_AND_STATUS.matcher(head).find()) {
                    problems.add(name + " has no 'Date: yyyy-mm-dd · Status: …' line under its title");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
    static Set<String> anchors(Path markdown) throws IOException {
        Set<String> anchors = new HashSet<>();
        Matcher heading = HEADING.matcher(Files.readString(markdown));
        while (heading.find()) {
            anchors.add(heading.group(1).strip().toLowerCase().replaceAll("[^\\p{L}\\p{N}_\\- ]", "").replace(' ', '-'));
        }
        return anchors;
    }

    /** A folder the documentation names but git ignores (e.g. docker/secrets/) is made at run time, not shipped. */
    static boolean ignoredByGit(String repositoryPath) throws IOException {
        for (String folder : List.of("", "docker/")) {
            Path gitignore = ROOT.resolve(folder + ".gitignore");
            if (Files.exists(gitignore) && repositoryPath.startsWith(folder)) {
                String rest = repositoryPath.substring(folder.length());
                for (String entry : Files.readAllLines(gitignore)) {
                    if (entry.isBlank() || entry.startsWith("#")) {
                        continue;
                    }
                    String name = entry.endsWith("/") ? entry.substring(0, entry.length() - 1) : entry;
                    // as in git: a name without an inner slash (e.g. target/) is ignored at any depth (ear/target/)
                    boolean anyDepth = !name.contains("/") && List.of(rest.split("/")).contains(name);
                    if (anyDepth || (rest + "/").startsWith(name + "/")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
