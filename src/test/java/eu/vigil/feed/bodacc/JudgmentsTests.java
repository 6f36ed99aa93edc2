package eu.vigil.feed.bodacc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The natures BODACC publishes for collective procedures (the labels of its official list, as they stand in
 * real notices), each read as what a French credit manager reads in it: an opening, a conversion, an end, a
 * closure, a plan, a sanction on a person, or a notice of the proceeding's course that changes nothing.
 */
class JudgmentsTests {

    @Test
    void everyOpeningConversionEndAndClosureOfTheOfficialListIsRead() {
        Map<String, String> natures = new LinkedHashMap<>();
        natures.put("Jugement d'ouverture de liquidation judiciaire", Judgments.LIQUIDATION);
        natures.put("Jugement d'ouverture d'une procédure de redressement judiciaire", Judgments.REDRESSEMENT);
        natures.put("Jugement d'ouverture d'une procédure de sauvegarde", Judgments.SAUVEGARDE);
        natures.put("Jugement d'ouverture d'une procédure de sauvegarde financière accélérée", Judgments.SAUVEGARDE);
        natures.put("Jugement d'ouverture d'une procédure de traitement de sortie de crise", Judgments.REDRESSEMENT);
        natures.put("Jugement prononçant la liquidation judiciaire", Judgments.LIQUIDATION);
        natures.put("Jugement de conversion en liquidation judiciaire", Judgments.LIQUIDATION);
        natures.put(
                "Jugement de conversion en liquidation judiciaire de la procédure de sauvegarde",
                Judgments.LIQUIDATION);
        natures.put(
                "Jugement de conversion en redressement judiciaire de la procédure de sauvegarde",
                Judgments.REDRESSEMENT);
        natures.put("Jugement d'extension d'une procédure de redressement judiciaire", Judgments.REDRESSEMENT);
        natures.put("Jugement d'extension de liquidation judiciaire", Judgments.LIQUIDATION);
        natures.put(
                "Jugement prononçant la résolution du plan de redressement et la liquidation judiciaire",
                Judgments.LIQUIDATION);
        natures.put(
                "Jugement prononçant la résolution du plan de cession et la liquidation judiciaire",
                Judgments.LIQUIDATION);
        natures.put(
                "Jugement prononçant la résolution du plan de sauvegarde et le redressement judiciaire",
                Judgments.REDRESSEMENT);
        natures.put(
                "Jugement mettant fin à la procédure de traitement de sortie de crise et ouvrant une procédure de redressement judiciaire",
                Judgments.REDRESSEMENT);
        natures.put("Jugement de reprise de la procédure de liquidation judiciaire", Judgments.LIQUIDATION);
        natures.put("Jugement de clôture pour insuffisance d'actif", Judgments.CLOSED_INSUFFICIENT);
        natures.put(
                "Jugement de clôture pour insuffisance d'actif et autorisant la reprise des poursuites individuelles",
                Judgments.CLOSED_INSUFFICIENT);
        natures.put("Jugement de clôture pour extinction du passif", Judgments.CLOSED_PAID);
        natures.put("Jugement de clôture de la procédure de sauvegarde", Judgments.CLOSED);
        natures.put("Autre jugement de clôture", Judgments.CLOSED);
        natures.put("Jugement mettant fin à la procédure de redressement judiciaire", Judgments.ENDED);
        natures.put("Jugement mettant fin à la procédure de sauvegarde", Judgments.ENDED);
        natures.put("Jugement arrêtant le plan de redressement", Judgments.PLAN);
        natures.put("Jugement de plan de redressement", Judgments.PLAN);
        natures.put("Jugement arrêtant le plan de sauvegarde", Judgments.PLAN);
        natures.put("Jugement de plan de traitement de sortie de crise", Judgments.PLAN);
        natures.put("Jugement arrêtant un plan de cession", Judgments.CESSION);
        natures.put("Jugement d'interdiction de gérer", Judgments.SANCTION);
        natures.put("Jugement d'interdiction de gérer Loi de 1985", Judgments.SANCTION);
        natures.put("Jugement de faillite personnelle", Judgments.SANCTION);
        natures.put("Dépôt de l'état des créances", Judgments.DURING);
        natures.put("Dépôt de l'état des créances et du projet de répartition", Judgments.DURING);
        natures.put("Dépôt de l'état de collocation", Judgments.DURING);
        natures.put("Dépôt du projet de répartition", Judgments.DURING);
        natures.put("Autre avis de dépôt", Judgments.DURING);
        natures.put(
                "Liste des créances nées après le jugement d'ouverture d'une procédure de liquidation judiciaire",
                Judgments.DURING);
        natures.put("Jugement de désignation des organes de la procédure", Judgments.DURING);
        natures.put("Jugement modifiant la date de cessation des paiements", Judgments.DURING);
        natures.put("Jugement modifiant le plan de continuation", Judgments.DURING);
        natures.put("Jugement accordant un délai pour déposer la liste des créances", Judgments.DURING);
        natures.put("Autre jugement prononçant", Judgments.OTHER);
        natures.put("Autre jugement et ordonnance", Judgments.OTHER);
        natures.forEach((nature, kind) ->
                assertThat(Judgments.kind(nature, null)).as(nature).isEqualTo(kind));
    }

    @Test
    void aCatchAllNatureIsDecidedByTheFirstSentenceOfItsComplement() {
        Map<String, String> complements = new LinkedHashMap<>();
        complements.put(
                "Ouvre les opérations de la liquidation judiciaire. Liquidateur : Maître X.", Judgments.LIQUIDATION);
        complements.put(
                "Ouvre la procédure de redressement, date de cessation des paiements le 2 mars 2026",
                Judgments.REDRESSEMENT);
        complements.put("Clôture pour insuffisance d'actif", Judgments.CLOSED_INSUFFICIENT);
        complements.put(
                "Jugement prononçant la liquidation judiciaire, désignant liquidateur SELARL X", Judgments.LIQUIDATION);
        complements.put("Prononce la conversion en liquidation judiciaire", Judgments.LIQUIDATION);
        complements.put("Arrête le plan de cession au profit de la société Y", Judgments.CESSION);
        complements.put("Met fin à la procédure de redressement judiciaire", Judgments.ENDED);
        complements.put("Prononce la faillite personnelle pour une durée de 10 ans", Judgments.SANCTION);
        complements.put(
                "Prononce à l'encontre de M. Jean Martin une interdiction de gérer de 5 ans", Judgments.SANCTION);
        complements.put("Désigne Maître Z en qualité de mandataire", Judgments.OTHER);
        for (String catchAll :
                new String[] {"Autre jugement prononçant", "Autre jugement et ordonnance", "Autre jugement d'ouverture"
                }) {
            complements.forEach((complement, kind) -> assertThat(Judgments.kind(catchAll, complement))
                    .as(catchAll + " / " + complement)
                    .isEqualTo(kind));
        }
        assertThat(Judgments.kind(
                        "Jugement d'ouverture de liquidation judiciaire", "Clôture pour insuffisance d'actif"))
                .as("a nature that decides is not overruled")
                .isEqualTo(Judgments.LIQUIDATION);
        assertThat(Judgments.implied(
                        "Liste des créances nées après le jugement d'ouverture d'une procédure de liquidation judiciaire",
                        null))
                .isEqualTo(Judgments.LIQUIDATION);
    }
}
