package org.greencredit.models.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.greencredit.core.rating.Versions;
import org.greencredit.models.cards.ModelCard;
import org.greencredit.models.cards.ShippedModelCards;
import org.greencredit.models.credit.Scorecard;

/**
 * The credit models a rating uses: the champion scorecard (decides, in points, for firms with a credit section), the
 * thin-file scorecard (for firms with only an e-invoice ledger), and optionally a challenger run in shadow beside the
 * champion. Each with the card it came with.
 *
 * @param challenger null when no challenger runs
 * @param cards      cards of models that are not shipped, by version (a shipped model's card is found by its version)
 */
public record CreditModels(Scorecard champion, Scorecard thinFile, ChallengerModel challenger, Map<String, ModelCard> cards) {
    public CreditModels {
        if (champion == null || thinFile == null) {
            throw new IllegalArgumentException("a champion and a thin-file scorecard are required");
        }
        cards = Map.copyOf(cards);
    }

    /** The shipped scorecards, no challenger. */
    public static CreditModels shipped(String champion, String thinFile) {
        return new CreditModels(Scorecard.shipped(champion), Scorecard.shipped(thinFile), null, Map.of());
    }

    /** Champion, thin-file scorecard and challenger (when there is one), as ratings report them. */
    public List<String> versions() {
        List<String> versions = new ArrayList<>(List.of(champion.version(), thinFile.version()));
        if (challenger != null) {
            versions.add(Versions.CHALLENGER_PREFIX + challenger.version());
        }
        return versions;
    }

    /** The card of one of these models by version, a registry model's own or a shipped one's. */
    public ModelCard card(String version) {
        ModelCard card = cards.get(version);
        return card != null ? card : ShippedModelCards.of(version);
    }
}
