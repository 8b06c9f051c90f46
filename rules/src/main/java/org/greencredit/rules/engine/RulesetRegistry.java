package org.greencredit.rules.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The active ruleset, swapped atomically. A new ruleset from a directory is compiled and
 * validated first; only a ruleset that passes replaces the active one, so a broken table never
 * reaches a rating and the previous rules stay in force. Evaluations already running finish on
 * the ruleset they started with. Thread-safe.
 */
public final class RulesetRegistry implements Supplier<RuleEvaluator>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RulesetRegistry.class);

    private final AtomicReference<RuleEvaluator> active;
    private final AtomicReference<List<String>> lastProblems = new AtomicReference<>(List.of());
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService watcher;
    private FileTime lastSeen = FileTime.fromMillis(0);

    public RulesetRegistry(Ruleset initial) {
        this.active = new AtomicReference<>(new RuleEvaluator(initial));
    }

    /** Told of every reload attempt, e.g. to audit which rules were in force when. */
    public interface Listener {
        void activated(Ruleset ruleset, Path dir);

        void rejected(Path dir, List<String> problems, Ruleset stillActive);
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    @Override
    public RuleEvaluator get() {
        return active.get();
    }

    /** Problems of the last rejected reload, empty when the last reload succeeded. */
    public List<String> lastProblems() {
        return lastProblems.get();
    }

    /**
     * Compiles the ruleset in {@code dir} and makes it active if it is valid.
     *
     * @return true when the new ruleset is active; false when it was rejected (see {@link #lastProblems()})
     */
    public synchronized boolean reloadFrom(Path dir) {
        try {
            Ruleset next = Ruleset.fromDirectory(dir);
            active.set(new RuleEvaluator(next));
            lastProblems.set(List.of());
            LOG.info("ruleset {} from {} is now active", next.version(), dir);
            listeners.forEach(l -> l.activated(next, dir));
            return true;
        } catch (RulesetException e) {
            return reject(dir, e.problems());
        } catch (RuntimeException e) {
            // A half-saved .xlsx (POI), a file locked or vanishing mid-read (I/O): refused like any broken ruleset.
            return reject(dir, List.of(dir.getFileName() + ": cannot be read as a ruleset: " + e));
        }
    }

    /**
     * Makes a ruleset compiled and checked elsewhere (an administrator's approved proposal) active; listeners hear of it as
     * of a reload from {@code dir}.
     */
    public synchronized void activate(Ruleset ruleset, Path dir) {
        active.set(new RuleEvaluator(ruleset));
        lastProblems.set(List.of());
        LOG.info("ruleset {} from {} is now active", ruleset.version(), dir);
        listeners.forEach(l -> l.activated(ruleset, dir));
    }

    private boolean reject(Path dir, List<String> problems) {
        lastProblems.set(problems);
        LOG.error("ruleset in {} rejected; {} stays active:\n  {}", dir, active.get().ruleset().version(), String.join("\n  ", problems));
        listeners.forEach(l -> l.rejected(dir, problems, active.get().ruleset()));
        return false;
    }

    /** Loads {@code dir} now and then again whenever a file in it changes, checking every {@code periodSeconds}. */
    public synchronized void watch(Path dir, long periodSeconds) {
        if (watcher != null) {
            throw new IllegalStateException("already watching a rules directory");
        }
        lastSeen = newestChange(dir);
        reloadFrom(dir);
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "greencredit-rules-watcher");
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleWithFixedDelay(() -> {
            // An exception escaping a periodic task cancels every later run: the watcher must outlive any one bad check.
            try {
                FileTime newest = newestChange(dir);
                if (newest.compareTo(lastSeen) > 0) {
                    lastSeen = newest;
                    reloadFrom(dir);
                }
            } catch (RuntimeException e) {
                LOG.error("checking the rules directory {} failed; checking again in {} s", dir, periodSeconds, e);
            }
        }, periodSeconds, periodSeconds, TimeUnit.SECONDS);
    }

    private static FileTime newestChange(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> {
                try {
                    return Files.getLastModifiedTime(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).max(FileTime::compareTo).orElse(FileTime.fromMillis(0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list rules directory " + dir, e);
        }
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.shutdownNow();
            watcher = null;
        }
    }
}
