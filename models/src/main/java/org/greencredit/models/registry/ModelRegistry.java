package org.greencredit.models.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.greencredit.datasets.io.GreenCreditJson;
import org.greencredit.models.cards.ModelCard;
import org.greencredit.models.credit.Scorecard;
import org.greencredit.models.training.TrainedGbt;
import tools.jackson.databind.JsonNode;

/**
 * A directory of credit models, one subdirectory each as {@code model train} (or {@code model ship-champion}) writes
 * it, and {@value #ACTIVE_FILE} naming the active champion, thin-file scorecard and challenger by their directory names.
 * A directory that does not exist yet, or is empty, starts as the shipped models (copied in) with no challenger, so the
 * shipped models are the default registry and a bank's own models drop in beside them.
 *
 * <p>Nothing is made active that cannot run: the champion and the thin-file scorecard must be points scorecards (the
 * decision is explained in points), every model may read only features a rating computes, and the champion and the
 * challenger must differ. {@link #activate} checks all of that by loading the models before it replaces the file, and
 * replaces it atomically.
 */
public final class ModelRegistry {
    public static final String ACTIVE_FILE = "registry.properties";
    /** The shipped models a new registry starts with, and the files each may have. */
    private static final List<String> SHIPPED = List.of("scorecard-v1", "scorecard-thin-v1");
    private static final List<String> SHIPPED_FILES = List.of(Scorecard.PROPERTIES, Scorecard.BINS, Scorecard.FEATURES, "model-card.json",
            "model-card.md", "segment-metrics.json", "reference.csv");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final Path dir;

    /** The active models by directory name; {@code challenger} is null when none runs. */
    public record Active(String champion, String thinFile, String challenger) {
    }

    /**
     * One model of the registry as its card describes it: the data it was trained on (its SHA-256, or the synthetic
     * population), the training rows, and the AUC on its hold-out or independent test. {@code problem} says why it cannot run in the engine (e.g. it
     * reads a column a rating does not compute), null when it can; {@code championable} whether it may decide.
     */
    public record Entry(String name, String version, String kind, String trainingData, Integer trainRows, Double testAuc,
                        List<String> features, boolean championable, String problem) {
    }

    private ModelRegistry(Path dir) {
        this.dir = dir;
    }

    /**
     * The registry in {@code dir}; a missing or empty directory is created with the shipped models, active, and no
     * challenger.
     *
     * @throws IllegalArgumentException when {@code dir} holds files but no {@value #ACTIVE_FILE}
     */
    public static ModelRegistry open(Path dir) {
        try {
            if (!Files.exists(dir) || isEmptyDirectory(dir)) {
                initialise(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the model registry " + dir + ": " + e.getMessage(), e);
        }
        if (!Files.isRegularFile(dir.resolve(ACTIVE_FILE))) {
            throw new IllegalArgumentException("model registry " + dir + " has no " + ACTIVE_FILE
                    + " naming the champion, thinFile and challenger (give an empty directory to start from the shipped models)");
        }
        return new ModelRegistry(dir);
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isEmpty();
        }
    }

    private static void initialise(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String model : SHIPPED) {
            Path target = dir.resolve(model);
            Files.createDirectories(target);
            for (String file : SHIPPED_FILES) {
                try (InputStream in = ModelRegistry.class.getResourceAsStream("/models/credit/" + model + "/" + file)) {
                    if (in != null) {
                        Files.copy(in, target.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        write(dir, new Active(SHIPPED.get(0), SHIPPED.get(1), null));
    }

    public Path dir() {
        return dir;
    }

    /** The models named active now. */
    public Active active() {
        Properties p = new Properties();
        Path file = dir.resolve(ACTIVE_FILE);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String champion = p.getProperty("champion", "").strip();
        String thinFile = p.getProperty("thinFile", "").strip();
        String challenger = p.getProperty("challenger", "").strip();
        if (champion.isEmpty() || thinFile.isEmpty()) {
            throw new IllegalArgumentException(file + ": 'champion' and 'thinFile' must name model directories of the registry");
        }
        return new Active(champion, thinFile, challenger.isEmpty() ? null : challenger);
    }

    /** The active models, loaded and checked. */
    public CreditModels load() {
        return load(active());
    }

    /**
     * The models {@code active} names, loaded and checked as {@link #activate} would.
     *
     * @throws IllegalArgumentException naming the model and what keeps it from running
     */
    public CreditModels load(Active active) {
        Map<String, ModelCard> cards = new HashMap<>();
        Scorecard champion = scorecard(active.champion(), "champion", cards);
        Scorecard thinFile = scorecard(active.thinFile(), "thinFile", cards);
        ChallengerModel challenger = null;
        if (active.challenger() != null) {
            Path model = modelDir(active.challenger(), "challenger");
            Properties p = properties(model);
            challenger = "gbt".equals(p.getProperty("kind")) ? ChallengerModel.of(TrainedGbt.load(model))
                    : ChallengerModel.of(withEngineTexts(Scorecard.fromDirectory(model)));
            requireComputed("challenger", active.challenger(), challenger.features());
            if (challenger.version().equals(champion.version())) {
                throw new IllegalArgumentException("challenger " + active.challenger() + " has the champion's version " + champion.version()
                        + ": a model cannot challenge itself");
            }
            cards.put(challenger.version(), card(model, challenger.version()));
        }
        return new CreditModels(champion, thinFile, challenger, cards);
    }

    /**
     * Makes {@code active} the registry's models, once they load and pass every check; the file is replaced atomically,
     * so a reader sees the old or the new models, never half of each.
     *
     * @return the models now active
     */
    public CreditModels activate(Active active) {
        CreditModels models = load(active);
        try {
            write(dir, active);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(ACTIVE_FILE) + ": " + e.getMessage(), e);
        }
        return models;
    }

    /** Every model directory of the registry, by name, with what its card says and whether it can run. */
    public List<Entry> models() {
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            for (Path model : children.filter(p -> Files.isRegularFile(p.resolve(Scorecard.PROPERTIES))).sorted().toList()) {
                entries.add(entry(model));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the model registry " + dir + ": " + e.getMessage(), e);
        }
        return entries;
    }

    private Entry entry(Path model) {
        Properties p = properties(model);
        String kind = p.getProperty("kind", "scorecard");
        JsonNode card = readCard(model);
        String problem = null;
        List<String> features = List.of();
        try {
            features = "gbt".equals(kind) ? TrainedGbt.load(model).features() : List.copyOf(Scorecard.fromDirectory(model).bins().keySet());
            List<String> missing = EngineFeatures.notComputed(features);
            if (!missing.isEmpty()) {
                problem = "reads " + missing + ", which a rating does not compute";
            }
        } catch (RuntimeException e) {
            problem = "does not load: " + e.getMessage();
        }
        // model train's card names the data by hash and measures on a hold-out; ship-champion's names the seeds of its
        // synthetic training and independent test populations.
        String data = text(card, "trainingDataSha256") != null ? "SHA-256 " + text(card, "trainingDataSha256")
                : card != null && card.hasNonNull("trainSeed") ? "synthetic population, seed " + card.get("trainSeed").asInt() : null;
        Integer rows = card == null ? null : card.hasNonNull("trainRows") ? Integer.valueOf(card.get("trainRows").asInt())
                : card.hasNonNull("trainCount") ? Integer.valueOf(card.get("trainCount").asInt()) : null;
        JsonNode measured = card == null ? null : card.has("holdout") ? card.get("holdout") : card.get("test");
        Double auc = measured != null && measured.hasNonNull("auc") ? measured.get("auc").asDouble() : null;
        return new Entry(model.getFileName().toString(), p.getProperty("version"), kind, data, rows, auc, features,
                problem == null && !"gbt".equals(kind), problem);
    }

    private Scorecard scorecard(String name, String role, Map<String, ModelCard> cards) {
        Path model = modelDir(name, role);
        if ("gbt".equals(properties(model).getProperty("kind"))) {
            throw new IllegalArgumentException(role + " " + name + " is a gbt model: the " + role
                    + " decides and must be a points scorecard whose every point is explained; run it as the challenger");
        }
        Scorecard scorecard = withEngineTexts(Scorecard.fromDirectory(model));
        requireComputed(role, name, List.copyOf(scorecard.bins().keySet()));
        cards.put(scorecard.version(), card(model, scorecard.version()));
        return scorecard;
    }

    /** A scorecard {@code model train} wrote names features by their columns; in a rating they speak with the engine's texts. */
    private static Scorecard withEngineTexts(Scorecard scorecard) {
        return EngineFeatures.notComputed(List.copyOf(scorecard.bins().keySet())).isEmpty()
                ? scorecard.withFeatureTexts(EngineFeatures.texts(scorecard)) : scorecard;
    }

    private static void requireComputed(String role, String name, List<String> features) {
        List<String> missing = EngineFeatures.notComputed(features);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(role + " " + name + " reads " + missing + ", which a rating does not compute: train it on"
                    + " the engine's features (model export-features writes them) and leave other columns out with --exclude");
        }
    }

    private Path modelDir(String name, String role) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(role + " '" + name + "' is not a model directory name (letters, digits, '.', '_', '-')");
        }
        Path model = dir.resolve(name);
        if (!Files.isRegularFile(model.resolve(Scorecard.PROPERTIES))) {
            throw new IllegalArgumentException(role + " '" + name + "' is not a model of the registry " + dir + " (no " + name + "/"
                    + Scorecard.PROPERTIES + ")");
        }
        return model;
    }

    private static Properties properties(Path model) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(model.resolve(Scorecard.PROPERTIES), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + model.resolve(Scorecard.PROPERTIES) + ": " + e.getMessage(), e);
        }
        return p;
    }

    private static ModelCard card(Path model, String version) {
        JsonNode segments = null;
        Path segmentFile = model.resolve("segment-metrics.json");
        if (Files.isRegularFile(segmentFile)) {
            segments = readJson(segmentFile);
        }
        return new ModelCard(version, readCard(model), segments);
    }

    private static JsonNode readCard(Path model) {
        Path file = model.resolve("model-card.json");
        return Files.isRegularFile(file) ? readJson(file) : null;
    }

    private static JsonNode readJson(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return GreenCreditJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode card, String field) {
        return card != null && card.hasNonNull(field) ? card.get(field).asString() : null;
    }

    private static void write(Path dir, Active active) throws IOException {
        Properties p = new Properties();
        p.setProperty("champion", active.champion());
        p.setProperty("thinFile", active.thinFile());
        p.setProperty("challenger", active.challenger() == null ? "" : active.challenger());
        Path temp = Files.createTempFile(dir, ACTIVE_FILE, ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                p.store(out, "The credit models GreenCredit rates with: directory names in this registry. challenger runs in shadow;"
                        + " empty for none.");
            }
            try {
                Files.move(temp, dir.resolve(ACTIVE_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, dir.resolve(ACTIVE_FILE), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
