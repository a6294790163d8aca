"""The agency's world: clients, kinds of projects, what each one delivers, costs and takes."""

from __future__ import annotations

# (client, code key): invented brands, believable for a French agency's portfolio.
CLIENTS = (
    ("Maison Véra", "VERA"), ("Groupe Altis", "ALTIS"), ("Nordlys Energie", "NORDLYS"),
    ("Cobalt Systems", "COBALT"), ("Brasserie Lune", "LUNE"), ("Atelier Sorel", "SOREL"),
    ("Clinique des Tilleuls", "TILLEULS"), ("Mutuelle Horizon", "HORIZON"), ("Verdane Cosmétiques", "VERDANE"),
    ("Métropole Rive-Sud", "RIVESUD"), ("Biscuiterie Kerlann", "KERLANN"), ("Opaline Hôtels", "OPALINE"),
    ("Fondation Arcadie", "ARCADIE"), ("Helix Pharma", "HELIX"), ("Banque Pélican", "PELICAN"),
    ("Vergers d'Auxance", "AUXANCE"), ("Fjord Mobilier", "FJORD"), ("Transports Garance", "GARANCE"),
    ("Lumea Optique", "LUMEA"), ("Cave Saint-Aubin", "STAUBIN"), ("Oxalis Assurances", "OXALIS"),
    ("Quartz Immobilier", "QUARTZ"), ("Tandem Mobility", "TANDEM"), ("Brightwell Software", "BRIGHTWELL"),
    ("Halden & Co", "HALDEN"), ("Maison Pradel", "PRADEL"), ("Éditions du Phare", "PHARE"),
    ("Salto Sport", "SALTO"), ("Norma Consulting", "NORMA"), ("Fromagerie Besson", "BESSON"),
)

# (name template, code key, project kind); {y} becomes " 2024" for an old project, {year} the year itself.
THEMES = (
    ("Lancement gamme Printemps{y} — {client}", "PRINTEMPS", "campaign"),
    ("Rapport annuel {year} — {client} (impression)", "RA{year}", "print"),
    ("Film corporate{y} — {client}", "FILM", "video"),
    ("Kit salon VivaTech{y} — {client}", "VIVATECH", "event"),
    ("Campagne social Noël{y} — {client}", "NOEL", "social"),
    ("Shooting catalogue Automne{y} — {client}", "AUTOMNE", "photo"),
    ("Brochure commerciale {year} — {client}", "BROCH{year}", "print"),
    ("Motion design produit{y} — {client}", "MOTION", "video"),
    ("Convention annuelle{y} — {client}", "CONVENTION", "event"),
    ("Campagne recrutement{y} — {client}", "RECRUTE", "campaign"),
    ("Lancement appli mobile{y} — {client}", "APPLI", "social"),
    ("Portraits dirigeants{y} — {client}", "PORTRAITS", "photo"),
    ("Plaquette institutionnelle{y} — {client}", "PLAQUETTE", "print"),
    ("Vidéos témoignages clients{y} — {client}", "TEMOIGNAGE", "video"),
    ("Campagne affichage rentrée{y} — {client}", "RENTREE", "campaign"),
    ("Stand Salon de l'Agriculture{y} — {client}", "SIA", "event"),
    ("Série Reels été{y} — {client}", "REELS", "social"),
    ("Packaging édition limitée{y} — {client}", "PACKAGING", "print"),
    ("Shooting produits e-shop{y} — {client}", "ESHOP", "photo"),
    ("Soirée des 20 ans{y} — {client}", "20ANS", "event"),
)

# The first live projects are always these, so screenshots and docs can name them.
FEATURED = ((0, 0), (1, 1), (2, 2), (3, 3), (4, 4), (8, 5))  # (client index, theme index)

DELIVERABLES = {
    "print": (("Brochure 24 pages", "print"), ("Affiche 40×60", "print"), ("PDF accessible", "digital"),
              ("Kakémono 85×200", "print")),
    "video": (("Film 90 s", "video"), ("Cut-down 15 s réseaux", "video"), ("Sous-titres FR/EN", "digital"),
              ("Photos de tournage", "photo")),
    "event": (("Stand 6×3 m", "event"), ("Kakémonos & signalétique", "print"), ("Dossier de presse", "print"),
              ("Teasing LinkedIn", "social")),
    "social": (("Posts Instagram ×12", "social"), ("Stories animées", "social"), ("Visuels LinkedIn", "social"),
               ("Reels 20 s", "video")),
    "campaign": (("Key visual", "digital"), ("Affichage 4×3", "print"), ("Spot 20 s", "video"),
                 ("Bannières web", "digital"), ("Posts sponsorisés", "social")),
    "photo": (("Série packshots", "photo"), ("Portraits équipe", "photo"), ("Visuels e-shop", "digital")),
}
VARIANTS = ("", " — EN", " — lot 2", " — DE", " — version courte", " — lot 3")

# Each deliverable kind's steps: (title, lead time in working days, role). These are also the templates.
WORKFLOWS = {
    "print": (("Brief", 2, "producer"), ("Copywriting", 5, "copywriter"), ("Design", 8, "designer"),
              ("Client review", 3, "account manager"), ("Corrections", 3, "designer"), ("BAT", 2, "producer"),
              ("Printing", 7, "producer"), ("Delivery", 2, "producer")),
    "video": (("Brief", 2, "producer"), ("Script", 5, "copywriter"), ("Storyboard", 4, "motion designer"),
              ("Shooting", 3, "video editor"), ("Editing", 8, "video editor"),
              ("Motion graphics", 4, "motion designer"), ("Client review", 3, "account manager"),
              ("Final cut & export", 2, "video editor")),
    "event": (("Brief", 2, "producer"), ("Concept & scenography", 6, "designer"), ("Vendor quotes", 5, "producer"),
              ("Print materials", 6, "designer"), ("Client review", 3, "account manager"),
              ("Production & fitting", 10, "producer"), ("Logistics & staffing", 4, "producer"),
              ("Event day", 1, "producer")),
    "social": (("Brief", 1, "producer"), ("Editorial calendar", 3, "social media manager"),
               ("Copywriting", 3, "copywriter"), ("Visuals", 5, "designer"), ("Motion loops", 3, "motion designer"),
               ("Client review", 2, "account manager"), ("Scheduling", 1, "social media manager"),
               ("Go live & monitoring", 5, "social media manager")),
    "photo": (("Brief & moodboard", 2, "producer"), ("Casting & location", 5, "producer"),
              ("Shooting", 2, "photographer"), ("Selection", 2, "photographer"), ("Retouching", 4, "designer"),
              ("Client review", 2, "account manager"), ("HD delivery", 1, "photographer")),
    "digital": (("Brief", 1, "producer"), ("Copywriting", 3, "copywriter"), ("Design", 5, "designer"),
                ("Client review", 2, "account manager"), ("Corrections", 2, "designer"), ("Go live", 1, "producer")),
}
REVIEW_STEP = "Client review"

# Project-level work that belongs to no deliverable: (title, role).
MANAGEMENT = (("Kick-off meeting with the client", "account manager"), ("Update the rétroplanning", "producer"),
              ("Weekly client status", "account manager"), ("Check vendor invoices", "producer"),
              ("Budget review with the client", "account manager"), ("Book freelancers", "producer"),
              ("Project wrap-up and archive", "producer"))

TEMPLATES = (("Print run", "print"), ("Corporate video", "video"), ("Event", "event"), ("Social campaign", "social"))

# (line name, vendor category, low €, high €); the first line of each kind is always bought from a vendor.
BUDGET = {
    "print": (("Impression", "printer", 6_000, 40_000), ("Création graphique", "other", 3_000, 12_000),
              ("Photographie", "photographer", 1_500, 6_000), ("Rédaction & traduction", "other", 800, 4_000),
              ("Livraison & routage", "other", 500, 3_000)),
    "video": (("Production vidéo", "video", 12_000, 60_000), ("Achat média", "media", 5_000, 30_000),
              ("Motion design", "other", 3_000, 12_000), ("Musique & droits", "other", 500, 4_000),
              ("Sous-titrage & voix off", "other", 600, 3_000)),
    "event": (("Stand & scénographie", "events", 15_000, 80_000), ("Impression supports", "printer", 2_000, 10_000),
              ("Photographe événement", "photographer", 1_200, 4_000),
              ("Traiteur & hôtesses", "events", 4_000, 20_000), ("Goodies", "other", 1_500, 8_000)),
    "social": (("Achat média social", "media", 5_000, 40_000), ("Shooting contenus", "photographer", 2_000, 8_000),
               ("Production reels", "video", 3_000, 12_000), ("Création contenus", "other", 3_000, 15_000)),
    "campaign": (("Achat média", "media", 20_000, 150_000), ("Production spot", "video", 15_000, 70_000),
                 ("Impression affichage", "printer", 8_000, 40_000),
                 ("Shooting key visual", "photographer", 3_000, 12_000), ("Création", "other", 8_000, 30_000)),
    "photo": (("Photographe", "photographer", 3_000, 15_000), ("Studio & location", "photographer", 1_000, 5_000),
              ("Retouche", "other", 1_000, 6_000), ("Stylisme & accessoires", "other", 800, 4_000)),
}
CONTINGENCY = "Contingence"

# Which deliverable a vendor's quote serves, when the project has one of that kind.
QUOTE_SERVES = {"printer": "print", "photographer": "photo", "video": "video", "events": "event", "media": "social"}

ROLES = ("designer", "copywriter", "video editor", "motion designer", "account manager", "producer",
         "photographer", "social media manager")
