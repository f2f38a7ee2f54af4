package org.clv4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;

/**
 * JSON output of the subcommands that report a fit or a score rather than a table: indented, one document, a
 * newline at the end, numbers with full (round-trip) precision. Non-finite numbers are never written (JSON has
 * none): asking for one is a bug.
 */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** A new empty object. */
    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Puts a finite number. */
    static ObjectNode put(ObjectNode node, String name, double value) {
        node.put(name, finite(name, value));
        return node;
    }

    /** An array of finite numbers. */
    static ArrayNode array(String name, double... values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode(values.length);
        for (double v : values) {
            array.add(finite(name, v));
        }
        return array;
    }

    private static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalStateException(String.format(Locale.ROOT, "non-finite number for JSON field %s: %s",
                    name, value));
        }
        return value + 0.0;
    }

    /** The document as text, with a final newline. */
    static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Writes the document to {@code --output} (atomically) or the command's stdout.
     *
     * @throws IOException if writing fails; a file target is then unchanged
     */
    static void write(CommandSpec spec, OutputOptions output, JsonNode node) throws IOException {
        output.writeText(spec, text(node));
    }
}
