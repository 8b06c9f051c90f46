package org.greencredit.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.greencredit.models.registry.CreditModels;
import org.greencredit.models.registry.ModelRegistry;

/**
 * The active models of a model registry on the driver, as files: read and checked once there, sent to the executors
 * (which need not see the driver's disk) and loaded by each through {@link ModelRegistry} from a copy of its own, so an
 * executor loads them exactly as {@code rate --models-dir} and the service do.
 */
final class RegistryModels implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Each file by its path in the registry ('/'-separated): the active-models file and the active models' directories. */
    private final TreeMap<String, byte[]> files;
    /** SHA-256 of every path and content: tells one set of models from another in an executor's engines. */
    private final String sha256;

    private RegistryModels(TreeMap<String, byte[]> files) {
        this.files = files;
        this.sha256 = digest(files);
    }

    /**
     * The registry's active models, loaded and checked on the driver first, so that a model that cannot run stops the job
     * before any row is rated. A missing or empty directory starts as the shipped models, as for {@code rate}.
     *
     * @throws IllegalArgumentException naming the model and what keeps it from running
     */
    static RegistryModels read(Path dir) {
        ModelRegistry registry = ModelRegistry.open(dir);
        ModelRegistry.Active active = registry.active();
        registry.load(active);
        TreeMap<String, byte[]> files = new TreeMap<>();
        try {
            // Written from what was checked, not read again: the registry's file may change meanwhile.
            String named = "champion=" + active.champion() + "\nthinFile=" + active.thinFile() + "\nchallenger="
                    + (active.challenger() == null ? "" : active.challenger()) + "\n";
            files.put(ModelRegistry.ACTIVE_FILE, named.getBytes(StandardCharsets.UTF_8));
            List<String> models = new ArrayList<>(List.of(active.champion(), active.thinFile()));
            if (active.challenger() != null) {
                models.add(active.challenger());
            }
            for (String model : models) {
                try (Stream<Path> tree = Files.walk(dir.resolve(model))) {
                    for (Path file : tree.filter(Files::isRegularFile).toList()) {
                        files.put(dir.relativize(file).toString().replace(dir.getFileSystem().getSeparator(), "/"), Files.readAllBytes(file));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model registry " + dir + ": " + e.getMessage(), e);
        }
        return new RegistryModels(files);
    }

    String sha256() {
        return sha256;
    }

    /** The paths of the files sent, '/'-separated, relative to the registry. */
    Set<String> paths() {
        return Collections.unmodifiableSet(files.keySet());
    }

    /** The models, loaded from a temporary copy of the files that is deleted once they are in memory. */
    CreditModels load() {
        Path copy = null;
        try {
            copy = Files.createTempDirectory("greencredit-models-");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = copy.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            return ModelRegistry.open(copy).load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the job's models to a temporary directory: " + e.getMessage(), e);
        } finally {
            if (copy != null) {
                deleteQuietly(copy);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A temporary copy left behind costs disk, not correctness: the models are loaded already.
        }
    }

    private static String digest(TreeMap<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                byte[] name = file.getKey().getBytes(StandardCharsets.UTF_8);
                sha.update(lengthOf(name.length));
                sha.update(name);
                sha.update(lengthOf(file.getValue().length));
                sha.update(file.getValue());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** A length before each name and content, so that no two different sets of files digest alike. */
    private static byte[] lengthOf(int length) {
        return new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
    }
}
