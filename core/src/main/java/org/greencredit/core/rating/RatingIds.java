package org.greencredit.core.rating;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Rating ids: time-ordered UUIDs (version 7, RFC 9562), the millisecond of the rating first and 74 random bits after.
 *
 * <p>Why not random (version 4) UUIDs: every index on a rating id (the rating's key, its audit entry's subject, its
 * referral reasons) then takes each new rating at a random place, and a database that writes whole pages rewrites one
 * page per rating per index. Ids that grow with time land together at the end of each index, so that many ratings
 * share a page write: under sustained load H2's file grew by 17,163 bytes a rating against 20,352 (BENCHMARKS.md).
 * The random part comes from a {@link SecureRandom} per thread, so ids stay unguessable and threads do not queue for
 * one generator.
 */
public final class RatingIds {
    private static final long MAX_MILLIS = (1L << 48) - 1;
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(RatingIds::newRandom);

    private RatingIds() {
    }

    /** A new id for a rating made at {@code at}. */
    public static String at(Instant at) {
        long millis = at.toEpochMilli();
        if (millis < 0 || millis > MAX_MILLIS) {
            throw new IllegalArgumentException("a rating id holds a time from 1970 to the year 10889, not " + at);
        }
        byte[] random = new byte[10];
        RANDOM.get().nextBytes(random);
        long randA = ((random[0] & 0x0fL) << 8) | (random[1] & 0xffL);
        long randB = 0;
        for (int i = 2; i < 10; i++) {
            randB = (randB << 8) | (random[i] & 0xffL);
        }
        long mostSignificant = (millis << 16) | 0x7000L | randA;
        long leastSignificant = 0x8000_0000_0000_0000L | (randB & 0x3fff_ffff_ffff_ffffL);
        return new UUID(mostSignificant, leastSignificant).toString();
    }

    private static SecureRandom newRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
