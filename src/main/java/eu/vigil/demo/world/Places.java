package eu.vigil.demo.world;

import java.util.List;

/** Real Belgian municipalities and street names, and the trades of the demo world with their NACE 2008 codes. */
final class Places {

    private Places() {}

    /** region: V Flanders (Dutch), W Wallonia (French), B Brussels (both). */
    record Municipality(String zip, String nl, String fr, char region) {}

    static final List<Municipality> MUNICIPALITIES = List.of(
            new Municipality("2000", "Antwerpen", "Anvers", 'V'), new Municipality("2800", "Mechelen", "Malines", 'V'),
            new Municipality("3000", "Leuven", "Louvain", 'V'), new Municipality("3500", "Hasselt", "Hasselt", 'V'),
            new Municipality("8000", "Brugge", "Bruges", 'V'), new Municipality("8500", "Kortrijk", "Courtrai", 'V'),
            new Municipality("9000", "Gent", "Gand", 'V'), new Municipality("9300", "Aalst", "Alost", 'V'),
            new Municipality("2300", "Turnhout", "Turnhout", 'V'), new Municipality("3600", "Genk", "Genk", 'V'),
            new Municipality("8400", "Oostende", "Ostende", 'V'),
                    new Municipality("9100", "Sint-Niklaas", "Saint-Nicolas", 'V'),
            new Municipality("2440", "Geel", "Geel", 'V'), new Municipality("8800", "Roeselare", "Roulers", 'V'),
            new Municipality("1800", "Vilvoorde", "Vilvorde", 'V'),
                    new Municipality("9200", "Dendermonde", "Termonde", 'V'),
            new Municipality("2500", "Lier", "Lierre", 'V'),
                    new Municipality("3800", "Sint-Truiden", "Saint-Trond", 'V'),
            new Municipality("1000", "Brussel", "Bruxelles", 'B'), new Municipality("1050", "Elsene", "Ixelles", 'B'),
            new Municipality("1030", "Schaarbeek", "Schaerbeek", 'B'),
                    new Municipality("1070", "Anderlecht", "Anderlecht", 'B'),
            new Municipality("1200", "Sint-Lambrechts-Woluwe", "Woluwe-Saint-Lambert", 'B'),
                    new Municipality("1180", "Ukkel", "Uccle", 'B'),
            new Municipality("4000", "Luik", "Liège", 'W'), new Municipality("5000", "Namen", "Namur", 'W'),
            new Municipality("6000", "Charleroi", "Charleroi", 'W'), new Municipality("7000", "Bergen", "Mons", 'W'),
            new Municipality("1300", "Waver", "Wavre", 'W'), new Municipality("7500", "Doornik", "Tournai", 'W'),
            new Municipality("4800", "Verviers", "Verviers", 'W'), new Municipality("6700", "Aarlen", "Arlon", 'W'),
            new Municipality("1400", "Nijvel", "Nivelles", 'W'), new Municipality("5500", "Dinant", "Dinant", 'W'),
            new Municipality("7700", "Moeskroen", "Mouscron", 'W'), new Municipality("4500", "Hoei", "Huy", 'W'));

    static final List<String> STREETS_NL = List.of(
            "Kerkstraat",
            "Stationsstraat",
            "Molenstraat",
            "Dorpsstraat",
            "Nieuwstraat",
            "Industrieweg",
            "Kapelstraat",
            "Schoolstraat",
            "Brugstraat",
            "Zandstraat",
            "Ambachtenlaan",
            "Leopoldlaan",
            "Hoogstraat",
            "Veldstraat",
            "Ringlaan",
            "Nijverheidsstraat",
            "Kouter",
            "Grote Markt");
    static final List<String> STREETS_FR = List.of(
            "Rue de la Station",
            "Rue de l'Église",
            "Rue du Moulin",
            "Chaussée de Bruxelles",
            "Rue Haute",
            "Rue des Champs",
            "Rue de la Gare",
            "Place du Marché",
            "Rue du Commerce",
            "Avenue des Combattants",
            "Rue de l'Industrie",
            "Rue Saint-Martin",
            "Avenue de la Libération",
            "Rue des Alliés");
    /** Brussels streets carry both names. */
    static final List<String[]> STREETS_BRUSSELS = List.of(
            new String[] {"Louizalaan", "Avenue Louise"},
            new String[] {"Wetstraat", "Rue de la Loi"},
            new String[] {"Kunstlaan", "Avenue des Arts"},
            new String[] {"Vorstlaan", "Boulevard du Souverain"},
            new String[] {"Bergensesteenweg", "Chaussée de Mons"},
            new String[] {"Haachtsesteenweg", "Chaussée de Haecht"},
            new String[] {"Waversesteenweg", "Chaussée de Wavre"});

    /** A trade: its NACE code, how a Dutch and a French name start, whether it is usually large (an NV with staff). */
    record Trade(String nace, String nl, String fr, boolean large) {}

    static final List<Trade> TRADES = List.of(
            new Trade("41201", "Bouwbedrijf", "Construction", true),
            new Trade("43221", "Sanitair", "Sanitaire", false),
            new Trade("43211", "Elektro", "Électricité", false),
            new Trade("43320", "Schrijnwerkerij", "Menuiserie", false),
            new Trade("45113", "Garage", "Garage", false),
            new Trade("46392", "Voedingsgroothandel", "Distribution alimentaire", true),
            new Trade("47111", "Diepvries", "Surgelés", false),
            new Trade("49410", "Transport", "Transports", true),
            new Trade("52100", "Logistiek", "Logistique", true),
            new Trade("55100", "Hotel", "Hôtel", false),
            new Trade("56101", "Brasserie", "Brasserie", false),
            new Trade("62010", "Software", "Software", false),
            new Trade("62020", "IT Consult", "Informatique", false),
            new Trade("68201", "Immo", "Immobilière", false),
            new Trade("69201", "Boekhoudkantoor", "Fiduciaire", false),
            new Trade("70220", "Adviesbureau", "Conseil", false),
            new Trade("71111", "Architectenbureau", "Bureau d'architecture", false),
            new Trade("10711", "Bakkerij", "Boulangerie", false),
            new Trade("11050", "Brouwerij", "Brasserie artisanale", false),
            new Trade("25110", "Metaalbouw", "Constructions métalliques", true),
            new Trade("73110", "Reclamebureau", "Agence de communication", false),
            new Trade("81210", "Schoonmaak", "Nettoyage", true),
            new Trade("86230", "Tandartspraktijk", "Cabinet dentaire", false),
            new Trade("96021", "Kapsalon", "Salon de coiffure", false),
            new Trade("01110", "Hoeve", "Ferme", false),
            new Trade("33120", "Techniek", "Maintenance", false),
            new Trade("46693", "Elektrogroothandel", "Matériel électrique", true));

    static final List<String> SURNAMES_NL = List.of(
            "Peeters",
            "Janssens",
            "Maes",
            "Jacobs",
            "Mertens",
            "Willems",
            "Claes",
            "Goossens",
            "Wouters",
            "De Smet",
            "Dubois",
            "Vermeulen",
            "Van den Broeck",
            "Hermans",
            "Pauwels",
            "Aerts",
            "Michiels",
            "De Clercq",
            "Van Damme",
            "Claeys",
            "Desmet",
            "Segers",
            "Vandenberghe",
            "Declercq",
            "Verstraete",
            "Coppens",
            "Van de Velde",
            "Smets",
            "Bogaert",
            "Verbeke",
            "De Backer",
            "Stevens",
            "Lemmens",
            "Van Acker",
            "Cools",
            "Wuyts",
            "Geerts",
            "Martens",
            "De Vos");
    static final List<String> SURNAMES_FR = List.of(
            "Dubois",
            "Lambert",
            "Dupont",
            "Martin",
            "Simon",
            "Laurent",
            "Leclercq",
            "Lejeune",
            "Renard",
            "Henry",
            "Collard",
            "François",
            "Mathieu",
            "Thiry",
            "Gérard",
            "Denis",
            "Lemaire",
            "Jacquet",
            "Fontaine",
            "Delvigne",
            "Hubert",
            "Masson",
            "Delhaye",
            "Marchal",
            "Piron",
            "Noël",
            "Dumont",
            "Lecomte",
            "Bertrand",
            "Willame");
    static final List<String> FIRST_NL = List.of(
            "Jan", "Pieter", "Tom", "Koen", "Bart", "Lotte", "Sofie", "An", "Els", "Wim", "Joris", "Inge", "Hanne",
            "Stijn", "Ruben", "Femke", "Lieve", "Geert", "Katrien", "Dirk");
    static final List<String> FIRST_FR = List.of(
            "Jean",
            "Marie",
            "Luc",
            "Nathalie",
            "Philippe",
            "Isabelle",
            "Olivier",
            "Sophie",
            "Michel",
            "Anne",
            "Pierre",
            "Catherine",
            "Laurent",
            "Véronique",
            "Thierry",
            "Julie",
            "Benoît",
            "Claire");

    /** Names after a place or an idea rather than a family, in Dutch and in French (the demo's story companies keep theirs). */
    static final List<String> FANCY_NL = List.of(
            "De Gouden Leeuw",
            "Het Anker",
            "Den Ouden Molen",
            "De Linde",
            "Zonneveld",
            "Noorderlicht",
            "Horizon",
            "Quadrant",
            "Meridian",
            "Atlas",
            "Sequoia",
            "Altitude");

    static final List<String> FANCY_FR = List.of(
            "La Fontaine",
            "Les Tilleuls",
            "L'Escaut",
            "Belvédère",
            "Le Beffroi",
            "Horizon",
            "Quadrant",
            "Meridian",
            "Atlas",
            "Sequoia",
            "Altitude");

    static final List<String> AUDITORS = List.of(
            "Vanhove & Partners Bedrijfsrevisoren",
            "Réviseurs Lemaire & Associés",
            "Audit Scheldeland",
            "Mosane Révision",
            "BRV Bedrijfsrevisoren");
}
