package dev.imagepipe.importer.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.registry.MediaTypes;
import dev.imagepipe.importer.registry.RegistryException;
import dev.imagepipe.importer.registry.manifest.ManifestList;
import dev.imagepipe.importer.registry.manifest.Manifests;
import dev.imagepipe.testing.fixture.CanonicalJson;
import dev.imagepipe.testing.fixture.ImageFixtures;
import dev.imagepipe.testing.fixture.ImageIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PlatformChooserTest {

    /** amd64, arm64/v8, ppc64le, in that order (the fixture index). */
    private static final List<ChildManifest> FIXTURE = children(ImageFixtures.ociIndex());

    private static final PlatformChooser NO_DEFAULT = PlatformChooser.withoutDefault();

    @Test
    void prefersTheTargetTagsArchitectureIgnoringTheVariant() {
        PlatformChooser.Choice choice = NO_DEFAULT.choose(FIXTURE, Optional.of("arm64"), Optional.of("linux"));

        assertThat(choice.rule()).isEqualTo(PlatformChooser.Rule.PREFERRED);
        assertThat(choice.child()).isEqualTo(FIXTURE.get(1));
        assertThat(choice.selection())
                .isEqualTo(new PlatformSelection("arm64", "linux", "v8", PlatformChooser.Rule.PREFERRED));
    }

    @Test
    void fillsAMissingPreferredOsFromTheDefaultPlatform() {
        PlatformChooser chooser = PlatformChooser.withDefault(new Platform("linux", "amd64", null));

        PlatformChooser.Choice choice = chooser.choose(FIXTURE, Optional.of("ppc64le"), Optional.empty());

        assertThat(choice.rule()).isEqualTo(PlatformChooser.Rule.PREFERRED);
        assertThat(choice.child().architecture()).isEqualTo("ppc64le");
    }

    @Test
    void treatsBlankPreferencesAsNoPreference() {
        PlatformChooser.Choice choice = NO_DEFAULT.choose(FIXTURE, Optional.of(""), Optional.of(" "));

        assertThat(choice.rule()).isEqualTo(PlatformChooser.Rule.LINUX_AMD64);
    }

    @Test
    void fallsBackToTheDefaultPlatformWhenThePreferenceIsAbsentFromTheList() {
        PlatformChooser chooser = PlatformChooser.withDefault(new Platform("linux", "arm64", "v7"));

        PlatformChooser.Choice choice = chooser.choose(FIXTURE, Optional.of("s390x"), Optional.empty());

        assertThat(choice.rule()).isEqualTo(PlatformChooser.Rule.DEFAULT_PLATFORM);
        assertThat(choice.child()).isEqualTo(FIXTURE.get(1));
    }

    @Test
    void choosesLinuxAmd64WhenNeitherPreferenceNorDefaultMatch() {
        PlatformChooser chooser = PlatformChooser.withDefault(new Platform("windows", "amd64", null));

        PlatformChooser.Choice choice = chooser.choose(FIXTURE, Optional.empty(), Optional.empty());

        assertThat(choice.rule()).isEqualTo(PlatformChooser.Rule.LINUX_AMD64);
        assertThat(choice.child()).isEqualTo(FIXTURE.get(0));
    }

    @Test
    void choosesTheFirstEntryWhenNothingMatches() {
        List<ChildManifest> noAmd64 = FIXTURE.subList(1, 3);

        PlatformChooser.Choice choice = NO_DEFAULT.choose(noAmd64, Optional.empty(), Optional.empty());

        assertThat(choice.rule()).isEqualTo(PlatformChooser.Rule.FIRST_ENTRY);
        assertThat(choice.child()).isEqualTo(FIXTURE.get(1));
    }

    @Test
    void recognisesAttestationEntriesByUnknownPlatformOrAnnotation() {
        List<ChildManifest> children = children(indexWithAttestations());

        assertThat(children).extracting(ChildManifest::attestation).containsExactly(true, false, true, false);
    }

    @Test
    void neverChoosesAnAttestationEvenAsTheFirstEntry() {
        List<ChildManifest> children = children(indexWithAttestations());

        PlatformChooser.Choice choice = NO_DEFAULT.choose(children, Optional.empty(), Optional.empty());

        assertThat(choice.rule()).isEqualTo(PlatformChooser.Rule.FIRST_ENTRY);
        assertThat(choice.child().architecture()).isEqualTo("arm64");
        assertThat(choice.child().attestation()).isFalse();
    }

    @Test
    void neverChoosesAnAttestationEvenWhenPreferred() {
        List<ChildManifest> children = children(indexWithAttestations());

        PlatformChooser.Choice choice = NO_DEFAULT.choose(children, Optional.of("unknown"), Optional.of("unknown"));

        assertThat(choice.child().attestation()).isFalse();
        assertThat(choice.rule()).isEqualTo(PlatformChooser.Rule.FIRST_ENTRY);
    }

    @Test
    void failsClearlyWhenTheListHasOnlyAttestations() {
        List<ChildManifest> attestations = children(indexWithAttestations()).stream()
                .filter(ChildManifest::attestation)
                .toList();

        assertThatThrownBy(() -> NO_DEFAULT.choose(attestations, Optional.empty(), Optional.empty()))
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.NOT_FOUND))
                .hasMessage("manifest list has only attestation manifests (2), no runnable image");
    }

    @Test
    void failsOnAnEmptyList() {
        assertThatThrownBy(() -> NO_DEFAULT.choose(List.of(), Optional.empty(), Optional.empty()))
                .isInstanceOf(RegistryException.class)
                .hasMessage("no manifests in manifest list");
    }

    private static List<ChildManifest> children(ImageIndex index) {
        return ImageAssembler.children((ManifestList)
                Manifests.parse(index.mediaType(), index.manifest().bytes()));
    }

    private static List<ChildManifest> children(byte[] index) {
        return ImageAssembler.children((ManifestList) Manifests.parse(MediaTypes.OCI_INDEX, index));
    }

    /** BuildKit's shape: an attestation (unknown/unknown) first, arm64, an annotated attestation, ppc64le. */
    private static byte[] indexWithAttestations() {
        List<Map<String, Object>> entries = new ArrayList<>();
        entries.add(entry('1', "unknown", "unknown", Map.of()));
        entries.add(entry('2', "linux", "arm64", Map.of()));
        entries.add(entry('3', "linux", "ppc64le", Map.of("vnd.docker.reference.type", "attestation-manifest")));
        entries.add(entry('4', "linux", "ppc64le", Map.of()));
        Map<String, Object> index = new TreeMap<>();
        index.put("schemaVersion", 2);
        index.put("mediaType", MediaTypes.OCI_INDEX);
        index.put("manifests", entries);
        return CanonicalJson.write(index);
    }

    private static Map<String, Object> entry(
            char digest, String os, String architecture, Map<String, String> annotations) {
        Map<String, Object> entry = new TreeMap<>();
        entry.put("mediaType", MediaTypes.OCI_MANIFEST);
        entry.put("digest", "sha256:" + String.valueOf(digest).repeat(64));
        entry.put("size", 500);
        entry.put("platform", Map.of("os", os, "architecture", architecture));
        if (!annotations.isEmpty()) {
            entry.put("annotations", annotations);
        }
        return entry;
    }
}
