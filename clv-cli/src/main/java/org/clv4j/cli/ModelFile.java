package org.clv4j.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.clv4j.core.TimeUnit;
import org.clv4j.models.TransactionModel;
import org.clv4j.models.fit.Optimum;
import org.clv4j.models.gammagamma.GammaGammaModel;

/**
 * A fitted model as a small JSON file: what {@code clv fit} writes and {@code clv predict} reads.
 *
 * <pre>
 * {
 *   "model" : "bg-nbd",
 *   "parameters" : { "r" : 0.2426, "alpha" : 4.4135, "a" : 0.7929, "b" : 2.4259 },
 *   "timeUnit" : "week",
 *   "logLikelihood" : -9582.43, "standardErrors" : { ... }, "converged" : true, "iterations" : 31,
 *   "observations" : 2357
 * }
 * </pre>
 *
 * Only {@code model}, {@code parameters} (every parameter of the model, finite and {@code > 0}, no others) and
 * {@code timeUnit} are read ({@code timeUnit} is optional for {@code gamma-gamma}, whose parameters have no time
 * dimension); the other fields are informational, so a file can be written by hand from a paper's table.
 */
final class ModelFile {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final String name;
    private final ModelKind kind;
    private final double[] parameters;
    private final TimeUnit timeUnit;

    private ModelFile(String name, ModelKind kind, double[] parameters, TimeUnit timeUnit) {
        this.name = name;
        this.kind = kind;
        this.parameters = parameters;
        this.timeUnit = timeUnit;
    }

    /**
     * Reads and validates a model file.
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException naming the file and the field for invalid JSON, an unknown model, a missing,
     *         unknown or invalid parameter, or a missing or unknown time unit
     */
    static ModelFile read(Path file) throws IOException {
        String name = file.toString();
        JsonNode root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = JSON.readTree(reader);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: not a valid model file (JSON)%s: %s",
                    name, at == null ? "" : String.format(Locale.ROOT, " at line %d, column %d", at.getLineNr(),
                            at.getColumnNr()), ClvCommand.oneLine(e.getOriginalMessage())), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new IllegalArgumentException(name + ": the model file is empty; expected a JSON object with the "
                    + "fields model, parameters and timeUnit");
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(name + ": a model file must be a JSON object with the fields model, "
                    + "parameters and timeUnit");
        }
        JsonNode model = root.get("model");
        if (model == null || !model.isTextual()) {
            throw fieldError(name, "model", model == null ? "is missing" : "must be a string", model,
                    "expected " + ModelKind.names());
        }
        ModelKind kind = ModelKind.byId(model.asText().trim());
        if (kind == null) {
            throw fieldError(name, "model", "names no model", model, "expected " + ModelKind.names());
        }
        double[] parameters = parameters(name, kind, root.get("parameters"));
        TimeUnit unit = timeUnit(name, kind, root.get("timeUnit"));
        return new ModelFile(name, kind, parameters, unit);
    }

    private static double[] parameters(String name, ModelKind kind, JsonNode node) {
        String expected = "the " + kind.id() + " parameters are " + String.join(", ", kind.parameterNames());
        if (node == null || !node.isObject()) {
            throw fieldError(name, "parameters", node == null ? "is missing" : "must be a JSON object", node,
                    expected);
        }
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!kind.parameterNames().contains(field)) {
                unknown.add(field);
            }
        }
        if (!unknown.isEmpty()) {
            throw fieldError(name, "parameters." + unknown.get(0), "is not a parameter of " + kind.id(), null,
                    expected);
        }
        double[] values = new double[kind.parameterNames().size()];
        for (int i = 0; i < values.length; i++) {
            String parameter = kind.parameterNames().get(i);
            JsonNode value = node.get(parameter);
            if (value == null) {
                throw fieldError(name, "parameters." + parameter, "is missing", null, expected);
            }
            if (!value.isNumber() || !(value.asDouble() > 0.0) || !Double.isFinite(value.asDouble())) {
                throw fieldError(name, "parameters." + parameter, "must be a number > 0", value, null);
            }
            values[i] = value.asDouble();
        }
        return values;
    }

    private static TimeUnit timeUnit(String name, ModelKind kind, JsonNode node) {
        String expected = "the unit of the summaries' recency and T: day, week, month, year or a number of days";
        if (node == null || node.isNull()) {
            if (kind.isSpendModel()) {
                return null;
            }
            throw fieldError(name, "timeUnit", "is missing", null, expected);
        }
        if (!node.isTextual()) {
            throw fieldError(name, "timeUnit", "must be a string", node, expected);
        }
        try {
            return TimeUnit.parse(node.asText());
        } catch (IllegalArgumentException e) {
            throw fieldError(name, "timeUnit", "is not a time unit", node, expected);
        }
    }

    private static IllegalArgumentException fieldError(String file, String field, String problem, JsonNode value,
                                                       String hint) {
        return new IllegalArgumentException(String.format(Locale.ROOT, "%s: field '%s' %s%s%s", file, field,
                problem, value == null ? "" : " (value " + value + ")", hint == null ? "" : "; " + hint));
    }

    /** The JSON text of a fit, as {@code clv fit} writes it. */
    static String json(ModelKind kind, ModelKind.Fit fit, TimeUnit unit) throws JsonProcessingException {
        Optimum optimum = fit.result().optimum();
        double[] estimates = optimum.parameters();
        ObjectNode root = JSON.createObjectNode();
        root.put("model", kind.id());
        ObjectNode parameters = root.putObject("parameters");
        for (int i = 0; i < estimates.length; i++) {
            parameters.put(kind.parameterNames().get(i), estimates[i]);
        }
        root.put("logLikelihood", optimum.logLikelihood());
        Optional<Map<String, Double>> errors = optimum.standardErrorMap();
        if (errors.isPresent()) {
            ObjectNode se = root.putObject("standardErrors");
            int i = 0;
            for (double value : errors.get().values()) {
                String parameter = kind.parameterNames().get(i++);
                if (Double.isFinite(value)) {
                    se.put(parameter, value);
                } else {
                    se.putNull(parameter);
                }
            }
        } else {
            root.putNull("standardErrors");
        }
        root.put("converged", optimum.converged());
        root.put("iterations", optimum.iterations());
        double observations = fit.observations();
        if (observations == Math.rint(observations) && Math.abs(observations) < 1e15) {
            root.put("observations", (long) observations);
        } else {
            root.put("observations", observations);
        }
        root.put("timeUnit", unit.name());
        return JSON.writeValueAsString(root) + "\n";
    }

    String name() {
        return name;
    }

    ModelKind kind() {
        return kind;
    }

    double[] parameters() {
        return parameters.clone();
    }

    /** The time unit, or null for a spend model file without one. */
    TimeUnit timeUnit() {
        return timeUnit;
    }

    /**
     * The transaction model of this file.
     *
     * @throws IllegalArgumentException if the file holds the spend model, or the model rejects the parameters
     */
    TransactionModel transactionModel() {
        if (kind.isSpendModel()) {
            throw new IllegalArgumentException(name + ": field 'model': " + kind.id() + " is a spend model; pass "
                    + "it with --spend-model, and a transaction model (bg-nbd, mbg-nbd, pareto-nbd or bg-bb) with "
                    + "--model-file");
        }
        try {
            return kind.transactionModel(parameters, timeUnit);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": field 'parameters': " + e.getMessage(), e);
        }
    }

    /**
     * The spend model of this file.
     *
     * @throws IllegalArgumentException if the file holds a transaction model
     */
    GammaGammaModel spendModel() {
        if (!kind.isSpendModel()) {
            throw new IllegalArgumentException(name + ": field 'model': " + kind.id() + " is a transaction model; "
                    + "--spend-model needs a gamma-gamma model file");
        }
        try {
            return kind.spendModel(parameters);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": field 'parameters': " + e.getMessage(), e);
        }
    }
}
