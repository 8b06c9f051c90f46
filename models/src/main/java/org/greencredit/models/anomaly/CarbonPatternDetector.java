package org.greencredit.models.anomaly;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.greencredit.core.rating.Anomaly;
import org.greencredit.core.text.BilingualText;
import org.greencredit.core.text.TextCatalogue;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.anomaly.AnomalyFactory;
import org.tribuo.anomaly.Event;
import org.tribuo.anomaly.libsvm.LibSVMAnomalyTrainer;
import org.tribuo.anomaly.libsvm.SVMAnomalyType;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A one-class SVM (Tribuo over LIBSVM, RBF kernel) that learns the monthly energy patterns of
 * ordinary accounts and flags accounts unlike them. It complements the rule checks: it needs no
 * cut-off per kind of distortion, and it explains itself only in general terms, so its flag refers
 * an account to an officer and never changes a rating by itself. Immutable and thread-safe.
 */
public final class CarbonPatternDetector {
    private static final TextCatalogue TEXTS = TextCatalogue.fromClasspath("/models/texts.tsv");
    public static final String CODE = "UNUSUAL_ENERGY_PATTERN";
    /** The shipped model: trained by {@code greencredit carbon train-detector}, see its model card. */
    public static final String SHIPPED = "/models/anomaly/carbon-ocsvm-v1.tribuo";
    public static final String VERSION = "carbon-ocsvm-v1";

    private final Model<Event> model;
    private final String version;

    private CarbonPatternDetector(Model<Event> model, String version) {
        this.model = model;
        this.version = version;
    }

    public static CarbonPatternDetector shipped() {
        try (InputStream in = CarbonPatternDetector.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("anomaly model " + SHIPPED + " is missing from the classpath");
            }
            return new CarbonPatternDetector(Model.deserializeFromStream(in).castModel(Event.class), VERSION);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read anomaly model " + SHIPPED, e);
        }
    }

    /**
     * Trains on feature vectors of accounts taken as ordinary.
     *
     * @param nu upper bound on the share of training accounts treated as outliers (the expected false-alarm rate)
     */
    public static CarbonPatternDetector train(List<double[]> ordinary, double nu, double gamma, long seed, String version) {
        AnomalyFactory factory = new AnomalyFactory();
        MutableDataset<Event> data = new MutableDataset<>(new SimpleDataSourceProvenance("synthetic ordinary carbon accounts", factory), factory);
        for (double[] features : ordinary) {
            data.add(example(features, new Event(Event.EventType.EXPECTED)));
        }
        SVMParameters<Event> params = new SVMParameters<>(new SVMAnomalyType(SVMAnomalyType.SVMMode.ONE_CLASS), KernelType.RBF);
        params.setNu(nu);
        params.setGamma(gamma);
        Model<Event> model = new LibSVMAnomalyTrainer(params, seed).train(data, Map.of());
        return new CarbonPatternDetector(model, version);
    }

    public void save(OutputStream out) {
        try {
            model.serializeToStream(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String version() {
        return version;
    }

    /** The flag for an account, or null when its pattern is ordinary. */
    public Anomaly check(double[] features) {
        Prediction<Event> prediction = model.predict(example(features, AnomalyFactory.UNKNOWN_EVENT));
        if (prediction.getOutput().getType() != Event.EventType.ANOMALOUS) {
            return null;
        }
        BilingualText text = TEXTS.get("anomaly.unusualPattern");
        return new Anomaly(CODE, text.zh(), text.en(),
                String.format(java.util.Locale.ROOT, "%s score %.4f", version, prediction.getOutput().getScore()));
    }

    private static Example<Event> example(double[] features, Event label) {
        return new ArrayExample<>(label, CarbonPatternFeatures.NAMES.toArray(String[]::new), features);
    }
}
