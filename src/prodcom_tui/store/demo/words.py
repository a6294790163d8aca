"""Names and sentences the demo data is written with: French agency life, a little English."""

from __future__ import annotations

AGENCY_DOMAIN = "agence-prisme.fr"

# The demo team: one person per role, always the same, so documentation can name them.
TEAM = (
    ("Camille Laurent", "designer"), ("Hugo Moreau", "copywriter"), ("Léa Garnier", "video editor"),
    ("Sam Okafor", "motion designer"), ("Chloé Bernard", "account manager"), ("Julien Roux", "producer"),
    ("Inès Haddad", "photographer"), ("Emma Whitfield", "social media manager"),
)

FIRST_NAMES = (
    "Antoine", "Manon", "Lucas", "Sarah", "Nicolas", "Clara", "Thomas", "Zoé", "Maxime", "Alice", "Romain",
    "Juliette", "Karim", "Anaïs", "Olivier", "Pauline", "Mehdi", "Margaux", "Arthur", "Élodie", "Bastien",
    "Laura", "Yann", "Mathilde", "Oliver", "Grace", "Daniel", "Hannah", "Théo", "Nadia", "Victor", "Louise",
)
LAST_NAMES = (
    "Martin", "Petit", "Durand", "Lefebvre", "Mercier", "Fontaine", "Chevalier", "Blanc", "Guerin", "Faure",
    "Rousseau", "Lambert", "Bonnet", "Girard", "André", "Perrin", "Morel", "Lemaire", "Dumas", "Benali",
    "Nguyen", "Carvalho", "Brennan", "Hughes", "Clarke", "Marchand", "Vasseur", "Aubert", "Picard", "Renaud",
)
PLACES = (
    "Lyon", "Nantes", "Bordeaux", "Lille", "Rennes", "Montreuil", "Pantin", "Marseille", "Toulouse", "Angers",
    "Strasbourg", "Grenoble", "Tours", "Dijon", "Rouen", "Reims", "Brest", "Annecy", "Nîmes", "Caen",
    "l'Ouest", "l'Est", "Provence", "Bretagne", "Normandie", "Val de Loire", "Sud", "Nord", "Alsace", "Savoie",
)

VENDOR_SHARE = (("printer", 25), ("photographer", 17), ("video", 20), ("media", 13), ("events", 15), ("other", 10))

# Hand-picked names first, so a small dataset reads like a real supplier list.
VENDOR_NAMES = {
    "printer": ("Imprimerie Chevalier", "Imprimerie du Marais", "Graphi'Sud Impressions", "Atelier Offset Lyonnais",
                "Print Express Nantes", "Les Presses de l'Ouest", "Imprimerie Lefranc & Fils", "Numérik Print",
                "Sérigraphie Dumas", "Papeterie Vauclair"),
    "photographer": ("Studio Lumen", "Atelier Argentique", "Studio Blanc Paris", "Clara Vidal Photographie",
                     "Studio Pixel & Grain", "Maison de la Lumière", "Objectif Nord"),
    "video": ("Fjord Films", "Bobine Productions", "Studio Hélix Vidéo", "Les Films du Quai", "Caméra Obscura Prod",
              "Plan Séquence", "Motion Factory", "Northlight Pictures"),
    "media": ("Médiapolis", "Régie Horizon Média", "Affichage Urbain Conseil", "Social Reach Agency",
              "Radio Plus Régie"),
    "events": ("Scène & Stand", "EventoLab", "Atelier Scénographie Morel", "Les Traiteurs du Parc", "Expo Concept",
               "Hôtesses & Co"),
    "other": ("Traductions Babel", "Coursier Express Paris", "Musique Libre Studio", "Voix Off Agence"),
}
# Patterns for the rest: {s} a surname, {p} a place, {f} a first name.
VENDOR_PATTERNS = {
    "printer": ("Imprimerie {s}", "Imprimerie de {p}", "{s} Impressions", "Atelier graphique {s}"),
    "photographer": ("Studio {s}", "{f} {s} Photographie", "Atelier photo {p}"),
    "video": ("{s} Films", "Productions {s}", "{p} Vidéo", "Studio {s} Motion"),
    "media": ("Régie {p}", "{s} Média", "Média {p} Conseil"),
    "events": ("{s} Événements", "Stand {p}", "Agence {s} Events"),
    "other": ("Traductions {s}", "Coursiers de {p}", "{s} Studio Son"),
}
VENDOR_NOTES = ("", "", "Très réactif, délais tenus.", "Devis souvent au-dessus du marché.",
                "Qualité irréprochable, prévoir de la marge sur les délais.", "Contact direct avec l'atelier.",
                "Payment terms: 30 days end of month.")

EXPENSES = {
    "printer": ("Acompte impression 30 %", "Solde impression", "Épreuves couleur", "Façonnage",
                "Livraison cartons"),
    "photographer": ("Journée de prise de vue", "Retouches supplémentaires", "Location studio", "Cession de droits"),
    "video": ("Acompte production", "Journée de tournage", "Montage & étalonnage", "Location matériel", "Solde"),
    "media": ("Ordre d'insertion", "Campagne Meta Ads", "Campagne LinkedIn Ads", "Affichage réseau",
              "Facture régie"),
    "events": ("Acompte stand", "Solde scénographie", "Traiteur", "Hôtesses d'accueil", "Transport & montage"),
    "other": ("Traduction EN", "Coursier", "Licence typographique", "Banque d'images", "Frais de déplacement",
              "Voix off"),
}

DELIVERY_WORDS = {"printer": "Livraison des imprimés", "photographer": "Envoi des fichiers HD",
                  "video": "Livraison du master", "media": "Bilan de diffusion", "events": "Livraison sur site"}
DELIVERY_ISSUES = ("2 cartons manquants, réexpédition prévue.", "Teinte du rouge hors tolérance sur 5 % du tirage.",
                   "Fichier livré sans sous-titres.", "Mobilier abîmé au transport.")

RISKS = (
    ("Retard de validation client", "Créneau de validation bloqué dans l'agenda du client",
     "Décaler l'impression d'une semaine et prévenir l'imprimeur"),
    ("Rupture de papier chez l'imprimeur", "Réserver le papier dès le BAT", "Papier équivalent validé par le client"),
    ("Météo défavorable pour le tournage extérieur", "Deux dates de tournage réservées", "Repli en studio"),
    ("Dépassement du budget média", "Suivi hebdomadaire des dépenses", "Réduire la durée de diffusion"),
    ("Indisponibilité du photographe", "Photographe de secours identifié", "Décaler le shooting de 48 h"),
    ("Droits musicaux non validés", "Musique libre de droits en option", "Remplacer la musique au montage"),
    ("Changement de charte en cours de projet", "Geler la charte au brief", "Avenant au devis"),
    ("Livraison du stand en retard", "Transporteur confirmé à J-10", "Kit de secours en roll-ups"),
    ("Erreur dans les mentions légales", "Relecture juridique avant BAT",
     "Sticker correctif ou réimpression partielle"),
    ("Surcharge de l'équipe créa", "Lissage du plan de charge", "Freelance en renfort"),
    ("Intervenant principal indisponible", "Confirmer l'agenda dès le brief", "Remplacer par un témoignage client"),
    ("Bad buzz sur les réseaux", "Charte de modération et FAQ prêtes", "Suspendre les posts sponsorisés"),
)

CHANGES = ("Logo trop petit en couverture, agrandir de 20 %.", "Couleurs hors charte : rouge trop saturé.",
           "Coquilles p. 4 et 7, mentions légales incomplètes.", "Rythme du montage trop lent au début.",
           "Le client veut tester une autre accroche.", "Remplacer la photo d'équipe, trop sombre.",
           "Typo du titre hors charte, reprendre en Avenir Bold.")
APPROVALS = ("Validé, merci à toute l'équipe.", "OK pour diffusion.", "Approved — go ahead.",
             "Validé avec une réserve mineure sur la légende p. 2.")

FEEDBACK = ("Super travail sur « {t} » : le client a validé sans retouche.",
            "Merci d'avoir tenu le délai sur « {t} » malgré le changement de brief.",
            "Attention aux coquilles sur « {t} » : relis avec le correcteur avant envoi.",
            "Pour « {t} », vérifie la charte (marges, Pantone) avant la revue.",
            "Bonne réactivité sur « {t} », le client l'a remarqué.",
            "« {t} » a dû être refait : préviens plus tôt quand un fichier manque.",
            "Very clean work on “{t}” — keep that pace for the next round.",
            "Please flag blockers on “{t}” at stand-up rather than the day before.")

SUBJECTS = ("Modifications de texte sur {d}", "URGENT : fichier HD de {d} pour demain",
            "Peut-on avancer la livraison de {d} ?", "Nouvelle version du brief", "Retours du comité de direction",
            "Question sur le BAT de {d}", "Besoin d'une version anglaise de {d}", "Demande de devis complémentaire",
            "Changement d'interlocuteur côté client", "Photos HD pour le site web", "Réunion de lancement",
            "Facture à corriger (bon de commande manquant)", "Can we get the {d} files in English?")
BODY = "Bonjour,\n\n{s}. Pouvez-vous me confirmer le délai ?\n\nMerci,\n{c}"

CHANNELS = ("Instagram", "LinkedIn", "Meta Ads", "Google Ads", "TikTok", "YouTube")
