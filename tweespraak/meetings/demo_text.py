"""Dutch text for the demo's 1:1 history: talking points, agreements, notes, reasons.

Demo data, not UI text: no i18n. Grouped by the kind of work, because a hovenier
talks about other things than a planner. `{name}` is the other person's first name.
"""

from __future__ import annotations

# Kinds of work: which texts a series draws from.
FLOOR = "floor"  # production, packing, warehouse
GREEN = "green"
FACILITY = "facility"
OFFICE = "office"
LEAD = "lead"  # the director with her team leaders
LEARN = "learn"  # learn-work trajectory with the job coach

# Talking points the employee brings.
REPORT_POINTS: dict[str, list[str]] = {
    FLOOR: [
        "Nieuwe inpakorder van Brabant Karton: hoe verdelen we het werk? #werkdruk",
        "Ik wil graag mijn heftruckcertificaat halen #opleiding",
        "Rooster rond de feestdagen #rooster",
        "Lawaai bij de lijmmachine: kunnen er betere oordoppen komen?",
        "Na de late dienst ben ik de volgende ochtend vaak moe #rooster",
        "Kan ik een keer meedraaien bij de kwaliteitscontrole? #opleiding",
        "Pauzes schieten erbij in als het druk is #werkdruk",
        "Mijn werkplek aan de band staat te hoog, ik krijg last van mijn schouders",
        "Graag vaker horen hoe het met mijn tempo gaat",
        "Vrije dag aanvragen voor de bruiloft van mijn zus #rooster",
        "Ik wil de ochtendstart een keer leiden",
        "Discussie met collega's over de muziek op de vloer #collega's",
        "Mijn veiligheidsschoenen zijn versleten",
        "Mag ik de cursus Nederlands op de werkvloer onder werktijd volgen? #opleiding",
        "Het scannen van de orders gaat nog niet vlot",
        "De nieuwe indeling met twee ploegen bevalt me goed",
        "Ik help de nieuwe leerwerker veel, dat kost tijd #begeleiding",
        "Te weinig dozen op voorraad aan het eind van de week #werkdruk",
        "Kan ik vaker op de heftruck, in plaats van alleen inpakken?",
        "Ruilen van diensten met Femke: mag dat? #rooster",
    ],
    GREEN: [
        "Planning snoeiwerk in het gemeentepark #werkdruk",
        "De bosmaaier trilt erg, moet naar de keuring",
        "Winterdienst: wie staat er wanneer op het rooster? #rooster",
        "Ik wil mijn rijbewijs BE halen voor de aanhanger #opleiding",
        "Regenkleding is aan vervanging toe",
        "Werken langs de weg voelt niet altijd veilig",
        "Samenwerking met de ploeg van de gemeente #collega's",
        "Ik wil meer leren over beplantingsplannen #opleiding",
        "Het is te veel werk voor drie man op het bedrijventerrein #werkdruk",
        "Kan ik een keer een leerwerker begeleiden? #begeleiding",
        "Vroeg beginnen in de zomer, eerder stoppen? #rooster",
        "Nieuwe aanhangwagen: wie mag erop rijden?",
    ],
    FACILITY: [
        "Schoonmaakrooster bij het kantoorpand van de klant #rooster",
        "Van het nieuwe schoonmaakmiddel krijg ik droge handen",
        "Lastige bezoekers aan de receptie: hoe ga ik daarmee om?",
        "Kantine: de inkoop loopt vaak achter",
        "Pakketten komen steeds later binnen bij de postkamer #werkdruk",
        "Ik wil de cursus BHV doen #opleiding",
        "Alleen werken in het avonddienst-rooster vind ik niet prettig #rooster",
        "Samenwerking met het team van de klant #collega's",
        "Mijn uren: kan ik een dag meer werken?",
        "Ik werk de nieuwe leerwerker in, wat verwacht je van mij? #begeleiding",
        "De schoonmaakkar is kapot",
        "Meer afwisseling in mijn taken, bijvoorbeeld ook receptie",
    ],
    OFFICE: [
        "Werkdruk rond de maandafsluiting #werkdruk",
        "Planning van de productie in december",
        "Ik wil een cursus Excel voor gevorderden volgen #opleiding",
        "Thuiswerken op vrijdag: kan dat vaker?",
        "Het nieuwe urenregistratiesysteem werkt nog niet goed",
        "Samenwerking met de praktijkbegeleiders over de planning #collega's",
        "Facturatie aan de gemeente loopt achter",
        "Vakantieplanning voor de zomer #rooster",
        "Graag feedback op de nieuwe rapportage",
        "Archief opruimen: wanneer krijg ik daar tijd voor? #werkdruk",
    ],
    LEAD: [
        "Bezetting in de productie rond de feestdagen #werkdruk",
        "Opleidingsbudget voor volgend jaar #opleiding",
        "Verzuim in het team: hoe houden we contact?",
        "Voortgang van de leerwerktrajecten #leerwerkplek",
        "Nieuwe klant: onderhoudscontract met de gemeente",
        "Werving van een extra praktijkbegeleider #werkdruk",
        "Mijn eigen ontwikkeling: cursus coachend leidinggeven #opleiding",
        "Hoe houden we de 1-op-1's vol als het druk is?",
        "Spanning tussen de ochtend- en middagploeg #collega's",
        "Begeleiding van de nieuwe leerwerkers vraagt veel tijd #begeleiding",
        "Roosterwensen van het team voor de zomer #rooster",
        "Feedback op mijn manier van leidinggeven",
    ],
    LEARN: [
        "Voortgang van mijn portfolio voor het certificaat #opleiding",
        "Evaluatie met school komt eraan",
        "Reiskosten met het OV: wie betaalt dat? #leerwerkplek",
        "Wat wil ik na het traject gaan doen?",
        "Ik vind het moeilijk om op tijd te komen met de bus",
        "Mijn werkbegeleider heeft weinig tijd voor me #begeleiding",
        "Kan ik ook een week meedraaien bij een ander team? #leerwerkplek",
        "Ik wil graag meer zelfstandig werken",
        "De theorielessen gaan me te snel #opleiding",
        "Ik durf niet goed te zeggen als ik iets niet snap",
        "Wanneer hoor ik of ik mag blijven?",
        "Collega's helpen me goed op de vloer #collega's",
    ],
}

# Talking points the manager or coach brings.
MANAGER_POINTS: dict[str, list[str]] = {
    FLOOR: [
        "Terugblik op de drukke week met de kerstpakketten #werkdruk",
        "Hoe gaat het inwerken van de nieuwe leerwerker? #begeleiding",
        "Veiligheid: helm en hesje in de expeditie",
        "Doelen voor het komende halfjaar #opleiding",
        "Compliment van de klant over de nette pallets",
        "Afspraken over de telefoon op de werkvloer",
        "Hoe ervaar je de samenwerking in de late ploeg? #collega's",
        "Nieuwe planning voor de inpaklijn #rooster",
        "Jouw rol bij de ochtendstart",
        "Hoe gaat het met je energie de laatste weken?",
    ],
    GREEN: [
        "Terugblik op het maaiseizoen #werkdruk",
        "Veiligheid bij werken langs de weg",
        "Jouw inbreng bij het nieuwe onderhoudscontract",
        "Winterplanning #rooster",
        "Hoe gaat het met de nieuwe collega in de ploeg? #collega's",
        "Certificaten die dit jaar verlopen #opleiding",
        "Hoe gaat het met je energie na de zomer?",
    ],
    FACILITY: [
        "Klanttevredenheid: de receptie kreeg een mooi compliment",
        "Nieuw schoonmaakrooster bij de klant #rooster",
        "Hoe gaat het met het inwerken van Amira? #begeleiding",
        "Hygiëne-audit van volgende maand",
        "Hoe is de sfeer in het team? #collega's",
        "Wat wil je leren dit jaar? #opleiding",
    ],
    OFFICE: [
        "Prioriteiten voor het komende kwartaal",
        "Jaarafsluiting: wat heb je nodig? #werkdruk",
        "Feedback van de teamleiders op de planning",
        "Ontwikkelwensen voor volgend jaar #opleiding",
        "Hoe bevalt het thuiswerken?",
        "Overdracht tijdens je vakantie #rooster",
    ],
    LEAD: [
        "Cijfers van het kwartaal: productie en verzuim",
        "1-op-1's met je team: lukt het om ze te houden?",
        "Jouw ontwikkeldoel: meer vragen, minder oplossen #opleiding",
        "Budget voor het komende jaar",
        "Hoe gaat het met jou, los van het werk?",
        "Signalen over werkdruk in je team #werkdruk",
        "Plaatsingen van leerwerkers na hun traject #leerwerkplek",
    ],
    LEARN: [
        "Tussenevaluatie van je leerwerkplek #leerwerkplek",
        "Je leerdoelen voor de komende maand #opleiding",
        "Hoe gaat het met reizen en op tijd komen?",
        "Terugkoppeling van je werkbegeleider #begeleiding",
        "Sollicitatietraining in het voorjaar",
        "Waar ben je trots op deze maand?",
    ],
}

# Agreements: (what, who) with who "report" or "manager".
AGREEMENTS: dict[str, list[tuple[str, str]]] = {
    FLOOR: [
        ("Aanmelden voor de heftruckcursus in het voorjaar", "report"),
        ("Roosterwensen voor december doorgeven aan Kees", "report"),
        ("Oefenen met de handscanner, samen met Gert-Jan", "report"),
        ("Nieuwe veiligheidsschoenen passen bij het magazijn", "report"),
        ("Ochtendstart op maandag leiden", "report"),
        ("Zelf aangeven wanneer de pauze erbij inschiet", "report"),
        ("Betere oordoppen bestellen voor de lijmmachine", "manager"),
        ("Werkplek aan de band laten verlagen door de technische dienst", "manager"),
        ("Navragen bij de planning of diensten ruilen kan", "manager"),
        ("Opleidingsbudget aanvragen bij Ingrid", "manager"),
        ("Dozenvoorraad op vrijdag laten controleren", "manager"),
    ],
    GREEN: [
        ("Bosmaaier laten keuren", "report"),
        ("Offerte opvragen voor rijbewijs BE", "manager"),
        ("Nieuwe regenkleding bestellen", "manager"),
        ("Werkplan voor het gemeentepark maken", "report"),
        ("Veiligheidsinstructie werken langs de weg herhalen", "manager"),
        ("Winterdienstrooster rondsturen", "manager"),
    ],
    FACILITY: [
        ("Ander schoonmaakmiddel uitproberen", "manager"),
        ("Aanmelden voor de BHV-cursus", "report"),
        ("Schoonmaakkar laten repareren", "manager"),
        ("Afspraken over bezoekers op papier zetten", "report"),
        ("Inkooplijst kantine wekelijks op donderdag doorgeven", "report"),
        ("Gesprek plannen met de klant over het rooster", "manager"),
    ],
    OFFICE: [
        ("Planning maandafsluiting delen met het team", "report"),
        ("Cursus Excel uitzoeken en voorstel sturen", "report"),
        ("Storing urenregistratie melden bij de leverancier", "report"),
        ("Vakantieplanning afstemmen met de teamleiders", "manager"),
        ("Feedback op de rapportage op papier zetten", "manager"),
    ],
    LEAD: [
        ("Vacature praktijkbegeleider uitzetten", "manager"),
        ("Opleidingsplan voor het team opstellen", "report"),
        ("1-op-1's met het hele team inplannen voor het kwartaal", "report"),
        ("Verzuimcijfers met Ingrid doornemen", "report"),
        ("Voorstel budget voor volgend jaar maken", "report"),
        ("Aanmelden voor de training coachend leidinggeven", "report"),
        ("Overleg met de gemeente plannen", "manager"),
    ],
    LEARN: [
        ("Portfolio bijwerken met drie nieuwe foto's van het werk", "report"),
        ("Afspraak maken met de docent over de theorie", "report"),
        ("Reiskostenvergoeding regelen", "manager"),
        ("Een week meelopen bij een ander team plannen", "manager"),
        ("Zelf melden als de bus te laat is", "report"),
        ("Evaluatie met school inplannen", "manager"),
        ("Cv bijwerken met de nieuwe certificaten", "report"),
    ],
}

CHECK_INS = [
    "Gaat goed, wel moe na de late diensten.",
    "Lekker op vakantie geweest, weer uitgerust.",
    "Druk thuis met de verhuizing, maar het werk gaat goed.",
    "Goede week: de orders liepen soepel.",
    "Wat onrustig in het team, daar wilde {name} het over hebben.",
    "Blij met de nieuwe werkplek.",
    "Het weekend was te kort, maar de energie is goed.",
    "{name} zit goed in het werk en heeft er zin in.",
    "Even wat minder lekker in zijn vel, het is druk thuis.",
    "Trots op de afgelopen week.",
]

PROGRESS = [
    "De inpakorder liep strak, het tempo is omhoog gegaan.",
    "Het inwerken van de nieuwe collega kost tijd, maar gaat goed.",
    "Werk is bijgebleven ondanks de drukte.",
    "Meer zelfstandig gewerkt dan vorige maand.",
    "De planning klopte deze keer, minder stress aan het eind van de week.",
    "Een paar fouten bij het scannen, samen gekeken hoe dat komt.",
    "Klant was tevreden over de oplevering.",
    "De nieuwe werkwijze is nog wennen.",
]

FEEDBACK = [
    "- Compliment: {name} hielp de nieuwe collega zonder dat iemand het vroeg.\n"
    "- Tip: meld het eerder als de voorraad opraakt.",
    "- {name} vindt dat de uitleg bij nieuwe orders beter kan.\n"
    "- Afgesproken dat we dat in de ochtendstart meenemen.",
    "- Mooi hoe {name} het gesprek met de klant voerde.",
    "- {name} wil vaker horen hoe het gaat, niet alleen als er iets mis is.",
    "- Goed dat {name} zelf aangaf dat het te druk werd.",
]

DEVELOPMENT = [
    "Ontwikkeling: {name} wil richting heftruck, eerst de theorie.",
    "Ontwikkeling: op weg naar het certificaat, portfolio is half af.",
    "Ontwikkeling: meer verantwoordelijkheid, bijvoorbeeld de ochtendstart.",
    "Ontwikkeling: nog geen concrete wens, volgende keer op terugkomen.",
    "Ontwikkeling: cursus uitzoeken voor het voorjaar.",
]

PRIVATE_MANAGER_NOTES = [
    "Lijkt stiller dan anders. Volgende keer doorvragen hoe het thuis gaat.",
    "Groeit zichtbaar in zelfvertrouwen. Denken aan een vaste aanstelling.",
    "Twee keer te laat deze maand. Niet meteen oplossen: eerst vragen hoe dat komt.",
    "Ik gaf weer snel advies. Volgende keer meer vragen stellen, minder invullen.",
    "Goed gesprek. Samenvatten werkte: {name} vulde zelf aan.",
]

PRIVATE_REPORT_NOTES = [
    "Volgende keer vragen naar het opleidingsbudget.",
    "Niet vergeten: vakantiedagen voor de zomer doorgeven.",
    "Ik wil het nog een keer hebben over de samenwerking met de late ploeg.",
]

PRIVATE_REPORT_POINTS = [
    "Ik twijfel of ik na dit jaar wil blijven",
    "Ik wil het hebben over mijn salaris, maar weet niet hoe",
    "Spanning met een collega, nog niet klaar om te delen",
]

PRIVATE_MANAGER_POINTS = [
    "Doorvragen naar motivatie, zonder te sturen",
    "Compliment geven over de klantorder, concreet benoemen",
    "Vragen hoe het gaat na de dienstwissel",
]

MOVE_REASONS = [
    "klant op bezoek",
    "spoedorder op de lijn",
    "storing aan de inpaklijn",
    "audit van de klant",
    "teamoverleg liep uit",
    "tandartsafspraak",
    "BHV-training",
    "ziekgemeld, een paar dagen later ingehaald",
]

SKIP_REASONS = [
    "vakantie",
    "ziekgemeld",
    "te druk met de inventarisatie",
    "feestdag",
    "bedrijfsuitje",
    "er was weinig te bespreken, volgende keer uitgebreider",
]

SUMMER_SKIP_REASON = "zomervakantie"

LOCATIONS: dict[str, str] = {
    FLOOR: "Overlegruimte hal 2",
    GREEN: "Keet op de werf",
    FACILITY: "Kantine, hoektafel",
    OFFICE: "Kamer van {manager}",
    LEAD: "Kamer van {manager}",
    LEARN: "Leslokaal 1",
}

# For the pair the demo logins see: (text, author, private, hours ago).
SHOWCASE_POINTS = [
    ("Kan ik in het voorjaar de heftruckcursus doen? #opleiding", "report", False, 27),
    ("Ik wil het over mijn contract hebben, maar weet niet goed hoe", "report", True, 20),
    ("Daan complimenteren: hij werkte Samira uit zichzelf in", "manager", True, 48),
]
# (text, owner, due in days: negative is overdue)
SHOWCASE_AGREEMENTS = [
    ("Navragen bij de planning of Daan op de heftruck kan meedraaien", "manager", -4),
    ("Oefenen met de handscanner, samen met Gert-Jan", "report", 6),
]
