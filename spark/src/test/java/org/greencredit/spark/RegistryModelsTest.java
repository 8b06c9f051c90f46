package org.greencredit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.greencredit.models.registry.CreditModels;
import org.greencredit.models.registry.ModelRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryModelsTest {
    static final String BANK_CHAMPION = "bank-card-3";

    @TempDir
    Path dir;

    /**
     * A registry whose champion is the shipped scorecard copied under another directory name and version (so it scores
     * as the shipped one), the shipped thin-file scorecard, and no challenger.
     */
    static Path registryWithBankChampion(Path registry) throws IOException {
        ModelRegistry.open(registry);
        Path bank = registry.resolve(BANK_CHAMPION);
        Files.createDirectories(bank);
        try (Stream<Path> shipped = Files.list(registry.resolve("scorecard-v1"))) {
            for (Path file : shipped.toList()) {
                Files.copy(file, bank.resolve(file.getFileName()));
            }
        }
        Path properties = bank.resolve("model.properties");
        Files.writeString(properties, Files.readString(properties).replaceFirst("(?m)^version=.*$", "version=" + BANK_CHAMPION));
        Files.writeString(registry.resolve(ModelRegistry.ACTIVE_FILE), "champion=" + BANK_CHAMPION + "\nthinFile=scorecard-thin-v1\n");
        return registry;
    }

    @Test
    void theActiveModelsReadOnTheDriverLoadOnAnExecutorAfterSerialisation() throws IOException, ClassNotFoundException {
        RegistryModels read = RegistryModels.read(registryWithBankChampion(dir.resolve("registry")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(read);
        }
        RegistryModels received;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            received = (RegistryModels) in.readObject();
        }
        CreditModels models = received.load();
        assertThat(models.champion().version()).isEqualTo(BANK_CHAMPION);
        assertThat(models.thinFile().version()).isEqualTo("scorecard-thin-v1");
        assertThat(models.challenger()).isNull();
        assertThat(received.sha256()).isEqualTo(read.sha256());
    }

    @Test
    void onlyTheActiveFileAndTheActiveModelsAreSent() throws IOException {
        Path registry = registryWithBankChampion(dir.resolve("registry"));
        RegistryModels read = RegistryModels.read(registry);
        assertThat(read.paths()).contains(ModelRegistry.ACTIVE_FILE, BANK_CHAMPION + "/model.properties", BANK_CHAMPION + "/scorecard.csv",
                "scorecard-thin-v1/model.properties");
        // The shipped champion stays in the registry but is not active.
        assertThat(read.paths()).noneMatch(path -> path.startsWith("scorecard-v1/"));
    }

    @Test
    void changedFilesChangeTheDigestAndTheSameFilesKeepIt() throws IOException {
        Path registry = registryWithBankChampion(dir.resolve("registry"));
        String before = RegistryModels.read(registry).sha256();
        assertThat(RegistryModels.read(registry).sha256()).isEqualTo(before);
        Files.writeString(registry.resolve(BANK_CHAMPION).resolve("model-card.md"), "\nReviewed again.\n", StandardOpenOption.APPEND);
        assertThat(RegistryModels.read(registry).sha256()).isNotEqualTo(before).hasSize(64);
    }

    @Test
    void aChampionThatIsNotInTheRegistryIsRefusedOnTheDriverNamingIt() throws IOException {
        Path registry = registryWithBankChampion(dir.resolve("registry"));
        Files.writeString(registry.resolve(ModelRegistry.ACTIVE_FILE), "champion=gone-9\nthinFile=scorecard-thin-v1\n");
        assertThatThrownBy(() -> RegistryModels.read(registry)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("champion 'gone-9' is not a model of the registry");
    }
}
