package dev.imagepipe.cli.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImportTargetTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"team/app,team,app,", "team/app:1.0,team,app,1.0", "a-b/my.app_x:v1-rc,a-b,my.app_x,v1-rc"})
    void splitsNamespaceStreamAndTag(String text, String namespace, String stream, String tag) {
        ImportTarget target = ImportTarget.parse(text);

        assertThat(target).isEqualTo(new ImportTarget(namespace, stream, Optional.ofNullable(tag)));
        assertThat(target.key()).isEqualTo(namespace + "/" + stream);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"app", "Team/app", "team/App", "team/app:", "team/app:.x", "-team/app", "team/a/b", "/app"})
    void refusesWhatIsNotNamespaceStreamTag(String text) {
        assertThatThrownBy(() -> ImportTarget.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
