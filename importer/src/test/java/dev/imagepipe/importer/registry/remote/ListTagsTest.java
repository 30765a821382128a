package dev.imagepipe.importer.registry.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.importer.registry.transport.RegistryResponse;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListTagsTest {

    @Test
    void followsTheNextLink() {
        assertThat(ListTags.nextPage(withLink("</v2/app/tags/list?n=2&last=b>; rel=\"next\"")))
                .contains("/v2/app/tags/list?n=2&last=b");
    }

    @Test
    void endsWithoutALink() {
        assertThat(ListTags.nextPage(new RegistryResponse(
                        200, HttpHeaders.of(Map.of(), (a, b) -> true), new byte[0], URI.create("http://r/"))))
                .isEmpty();
        assertThat(ListTags.nextPage(withLink("</v2/app/tags/list?n=2&last=b>; rel=\"prev\"")))
                .isEmpty();
    }

    private static RegistryResponse withLink(String link) {
        return new RegistryResponse(
                200,
                HttpHeaders.of(Map.of("Link", List.of(link)), (a, b) -> true),
                new byte[0],
                URI.create("http://r/"));
    }
}
