package dev.imagepipe.auditor.replay;

import dev.imagepipe.auditor.invariant.ScannedText;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Every string in a decoded Avro record, with its path, for the credential scan: string fields, map entries (as
 * {@code key: value}, so an {@code Authorization} annotation reads like the header), list elements, nested records,
 * and byte fields that are valid UTF-8 text (a cosign payload is JSON; an OpenPGP message is not text and is skipped).
 */
final class StringFields {

    private StringFields() {}

    static List<ScannedText> of(IndexedRecord record) {
        List<ScannedText> out = new ArrayList<>();
        walk(record, "", out);
        return out;
    }

    private static void walk(Object value, String path, List<ScannedText> out) {
        switch (value) {
            case null -> {}
            case CharSequence text -> out.add(new ScannedText(path, text.toString()));
            case IndexedRecord record -> {
                for (Schema.Field field : record.getSchema().getFields()) {
                    walk(record.get(field.pos()), join(path, field.name()), out);
                }
            }
            case Map<?, ?> map ->
                map.forEach((k, v) -> {
                    String entry = path + "[" + k + "]";
                    if (v instanceof CharSequence text) {
                        out.add(new ScannedText(entry, k + ": " + text));
                    } else {
                        out.add(new ScannedText(entry, String.valueOf(k)));
                        walk(v, entry, out);
                    }
                });
            case List<?> list -> {
                for (int i = 0; i < list.size(); i++) {
                    walk(list.get(i), path + "[" + i + "]", out);
                }
            }
            case ByteBuffer bytes -> utf8(bytes).ifPresent(text -> out.add(new ScannedText(path, text)));
            default -> {} // numbers, booleans, enums and instants hold no credentials
        }
    }

    private static Optional<String> utf8(ByteBuffer bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes.duplicate())
                    .toString());
        } catch (CharacterCodingException binary) {
            return Optional.empty();
        }
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
