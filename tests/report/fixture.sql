-- tests/report/fixture.sql: a small store (schema version 1 of docs/store.md)
-- for the timeline and report tests, until `dyad load` fills real ones.
-- Vietnam (VNM) and Kazakhstan (KAZ) from 2019 to 2024: event clusters in
-- both directions and of all four QuadClasses (one with several reports,
-- one merged across directions, one undated, one report left without a
-- cluster), figures of two indicators, three units of kind, and agreements
-- (one reported twice, one undated).  A VNM-FRA event and figure are noise
-- the pair must not show.  The articles and their sentences are invented
-- for these tests; urls point at example.org.  Days are counted from
-- 1970-01-01 (first and last, inclusive), as the schema says.
-- Build: sqlite3 test.db < tests/report/fixture.sql
PRAGMA journal_mode = WAL;
PRAGMA foreign_keys = ON;
BEGIN;
CREATE TABLE docs (
  id        INTEGER PRIMARY KEY,
  ext_id    TEXT NOT NULL UNIQUE,
  path      TEXT,
  url       TEXT,
  published TEXT,
  hash      TEXT NOT NULL,
  bytes     INTEGER NOT NULL,
  loaded_at TEXT NOT NULL
);
CREATE TABLE actors (
  id      INTEGER PRIMARY KEY,
  code    TEXT NOT NULL,
  country TEXT NOT NULL,
  role    TEXT NOT NULL,
  name    TEXT NOT NULL DEFAULT '',
  UNIQUE (code, country, role, name)
);
CREATE TABLE clusters (
  id        INTEGER PRIMARY KEY,
  kind      TEXT NOT NULL,
  source    TEXT, target TEXT,
  cameo     TEXT,
  root      TEXT,
  date      TEXT, first INTEGER, last INTEGER,
  nsources  INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE events (
  id          INTEGER PRIMARY KEY,
  doc         INTEGER NOT NULL REFERENCES docs(id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  source      INTEGER NOT NULL REFERENCES actors(id),
  target      INTEGER NOT NULL REFERENCES actors(id),
  source_country TEXT NOT NULL, target_country TEXT NOT NULL,
  cameo       TEXT NOT NULL, root TEXT NOT NULL,
  quad_class  INTEGER, goldstein REAL,
  date        TEXT, first INTEGER, last INTEGER,
  location    TEXT, location_country TEXT,
  predicate   TEXT,
  sentence    TEXT NOT NULL,
  span_start  INTEGER NOT NULL, span_end INTEGER NOT NULL,
  cluster     INTEGER REFERENCES clusters(id)
);
CREATE TABLE figures (
  id          INTEGER PRIMARY KEY,
  doc         INTEGER NOT NULL REFERENCES docs(id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  indicator   TEXT NOT NULL,
  party1      TEXT, party2 TEXT,
  period      TEXT, first INTEGER, last INTEGER,
  value       REAL NOT NULL, unit TEXT NOT NULL, kind TEXT NOT NULL,
  text        TEXT,
  sentence    TEXT NOT NULL,
  span_start  INTEGER NOT NULL, span_end INTEGER NOT NULL,
  cluster     INTEGER REFERENCES clusters(id)
);
CREATE TABLE agreements (
  id          INTEGER PRIMARY KEY,
  doc         INTEGER NOT NULL REFERENCES docs(id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  title       TEXT NOT NULL,
  party1      TEXT, party2 TEXT,
  date        TEXT, first INTEGER, last INTEGER,
  sentence    TEXT NOT NULL,
  span_start  INTEGER NOT NULL, span_end INTEGER NOT NULL
);
CREATE INDEX events_pair    ON events(source_country, target_country, root, first);
CREATE INDEX events_doc     ON events(doc);
CREATE INDEX events_cluster ON events(cluster);
CREATE INDEX figures_doc    ON figures(doc);
CREATE INDEX figures_cluster ON figures(cluster);
CREATE INDEX agreements_doc ON agreements(doc);
CREATE INDEX clusters_pair  ON clusters(kind, source, target, root, first);

INSERT INTO docs VALUES
 (1, 'vna-2019-03-14', 'corpus/vna-2019-03-14.txt', 'https://example.org/vna/2019-03-14', '2019-03-14', 'a1f0c3d2e4b5a6978801', 812, '2024-06-01T10:00:00Z'),
 (2, 'kaz-2019-03-15', 'corpus/kaz-2019-03-15.txt', 'https://example.org/kaz/2019-03-15', '2019-03-15', 'b2e1d4c3f5a6b7089912', 655, '2024-06-01T10:00:00Z'),
 (3, 'vna-2021-06-02', 'corpus/vna-2021-06-02.txt', NULL, '2021-06-02', 'c3d2e5f4a6b7c8190a23', 540, '2024-06-01T10:00:00Z'),
 (4, 'aip-2022-11-10', 'corpus/aip-2022-11-10.txt', 'https://example.org/aip/2022-11-10', '2022-11-10', 'd4c3f6a5b7c8d92a1b34', 1203, '2024-06-01T10:00:00Z'),
 (5, 'vna-2023-08-21', 'corpus/vna-2023-08-21.txt', 'https://example.org/vna/2023-08-21', '2023-08-21', 'e5b4a7f6c8d9e03b2c45', 1677, '2024-06-01T10:00:00Z'),
 (6, 'kaz-2023-08-22', 'corpus/kaz-2023-08-22.txt', 'https://example.org/kaz/2023-08-22', '2023-08-22', 'f6a5b8c7d9e0f14c3d56', 1420, '2024-06-01T10:00:00Z'),
 (7, 'rfi-2023-08-23', 'corpus/rfi-2023-08-23.txt', 'https://example.org/rfi?id=23&lang=fr', '2023-08-23', '07b6c9d8e0f1a25d4e67', 990, '2024-06-01T10:00:00Z'),
 (8, 'vna-2024-01-15', 'corpus/vna-2024-01-15.txt', 'https://example.org/vna/2024-01-15', '2024-01-15', '18c7dae9f1a2b36e5f78', 733, '2024-06-01T10:00:00Z'),
 (9, 'vna-2024-05-02', 'corpus/vna-2024-05-02.txt', 'https://example.org/vna/2024-05-02', '2024-05-02', '29d8ebfa02b3c47f6089', 1105, '2024-06-01T10:00:00Z'),
 (10, 'lm-2023-08-25', 'corpus/lm-2023-08-25.txt', 'https://example.org/lm/2023-08-25', '2023-08-25', '3ae9fc0b13c4d580719a', 602, '2024-06-01T10:00:00Z');

INSERT INTO actors VALUES
 (1, 'VNMGOV', 'VNM', 'GOV', ''),
 (2, 'KAZGOV', 'KAZ', 'GOV', ''),
 (3, 'KAZGOV', 'KAZ', 'HOS', 'Kassym-Jomart Tokayev'),
 (4, 'VNMGOV', 'VNM', 'HOS', 'Võ Văn Thưởng'),
 (5, 'VNMGOV', 'VNM', 'HOG', 'Phạm Minh Chính'),
 (6, 'KAZGOV', 'KAZ', 'HOG', ''),
 (7, 'KAZGOV', 'KAZ', 'FRM', ''),
 (8, 'FRAGOV', 'FRA', 'GOV', ''),
 (9, 'VNMGOV', 'VNM', 'HOS', '');

-- event clusters (cameo and date: the most precise of the members)
INSERT INTO clusters (id, kind, source, target, cameo, root, date, first, last, nsources) VALUES
 (1, 'event', 'VNM', 'KAZ', '036', '03', '2019-03-14', 17969, 17969, 1),
 (2, 'event', 'KAZ', 'VNM', '061', '06', '2019-03-15', 17970, 17970, 1),
 (3, 'event', 'KAZ', 'VNM', '111', '11', '2021-06-02', 18780, 18780, 1),
 (4, 'event', 'VNM', 'KAZ', '163', '16', '2022-11-10', 19306, 19306, 1),
 (5, 'event', 'KAZ', 'VNM', '112', '11', '2022-11', 19297, 19326, 1),
 (6, 'event', 'KAZ', 'VNM', '042', '04', '2023-08-20/2023-08-22', 19589, 19591, 3),
 (7, 'event', 'VNM', 'KAZ', '057', '05', '2023-08-21', 19590, 19590, 2),
 (8, 'event', 'VNM', 'KAZ', '071', '07', '2024-01-15', 19737, 19737, 1),
 (9, 'event', 'VNM', 'KAZ', '041', '04', NULL, NULL, NULL, 1),
 (10, 'event', 'KAZ', 'VNM', '0311', '03', '2024', 19723, 20088, 1),
 (11, 'event', 'KAZ', 'VNM', '174', '17', '2024-05-02', 19845, 19845, 1),
 (12, 'event', 'VNM', 'FRA', '042', '04', '2023-08-24', 19593, 19593, 1);

INSERT INTO events (id, doc, seq, source, target, source_country, target_country, cameo, root,
                    quad_class, goldstein, date, first, last, location, location_country, predicate,
                    sentence, span_start, span_end, cluster) VALUES
 (1, 1, 0, 1, 2, 'VNM', 'KAZ', '036', '03', 1, 4.0, '2019-03-14', 17969, 17969, NULL, NULL, 'exprimé',
  'Hanoï, 14 mars 2019 – Le Vietnam a exprimé jeudi sa volonté d''ouvrir des négociations avec le Kazakhstan sur un accord de libre-échange.', 0, 141, 1),
 (2, 2, 0, 2, 1, 'KAZ', 'VNM', '061', '06', 2, 6.4, '2019-03-15', 17970, 17970, NULL, NULL, 'coopèrent',
  'Le Kazakhstan et le Vietnam coopèrent désormais dans le secteur du blé, a indiqué vendredi le ministère kazakh de l''Agriculture.', 0, 131, 2),
 (3, 3, 0, 7, 1, 'KAZ', 'VNM', '111', '11', 3, -2.0, '2021-06-02', 18780, 18780, NULL, NULL, 'critiqué',
  'Astana a vivement critiqué mercredi la décision de Hanoï de suspendre les vols directs entre les deux capitales.', 0, 116, 3),
 (4, 4, 0, 1, 2, 'VNM', 'KAZ', '163', '16', 4, -8.0, '2022-11-10', 19306, 19306, NULL, NULL, 'imposé',
  'Le Vietnam a imposé jeudi des restrictions sur les importations d''acier kazakh.', 0, 83, 4),
 (5, 4, 1, 2, 1, 'KAZ', 'VNM', '112', '11', 3, -2.0, '2022-11', 19297, 19326, NULL, NULL, 'accusé',
  'En novembre, le Kazakhstan a accusé le Vietnam de pratiques commerciales déloyales.', 84, 168, 5),
 (6, 5, 0, 3, 1, 'KAZ', 'VNM', '042', '04', 1, 1.9, '2023-08-20', 19589, 19589, 'Hanoï', 'VNM', 'arrivé',
  'Le président kazakh Kassym-Jomart Tokaïev est arrivé dimanche à Hanoï pour une visite d''État de trois jours.', 0, 112, 6),
 (7, 5, 1, 1, 2, 'VNM', 'KAZ', '057', '05', 1, 8.0, '2023-08-21', 19590, 19590, NULL, NULL, 'signé',
  'Les deux pays ont signé lundi un mémorandum d''entente sur la coopération énergétique.', 113, 202, 7),
 (8, 6, 0, 3, 4, 'KAZ', 'VNM', '042', '04', 1, 1.9, '2023-08-20/2023-08-22', 19589, 19591, 'Vietnam', 'VNM', 'effectue',
  'Kassym-Jomart Tokaïev effectue du 20 au 22 août une visite officielle au Vietnam, à l''invitation de son homologue Võ Văn Thưởng.', 0, 134, 6),
 (9, 6, 1, 2, 1, 'KAZ', 'VNM', '057', '05', 1, 8.0, '2023-08-21', 19590, 19590, NULL, NULL, 'signé',
  'Le Kazakhstan et le Vietnam ont signé un mémorandum d''entente sur la coopération énergétique.', 135, 229, 7),
 (10, 7, 0, 3, 1, 'KAZ', 'VNM', '042', '04', 1, 1.9, '2023-08', 19570, 19600, NULL, NULL, 'achevé',
  'Le chef de l''État kazakh a achevé mardi sa visite au Vietnam, la première depuis 2017 : « un <tournant> », selon Hanoï & Astana.', 0, 131, 6),
 (11, 8, 0, 1, 2, 'VNM', 'KAZ', '071', '07', 2, 7.4, '2024-01-15', 19737, 19737, NULL, NULL, 'accordé',
  'Le Vietnam a accordé une aide de deux millions de dollars au Kazakhstan après les inondations.', 0, 96, 8),
 (12, 8, 1, 5, 6, 'VNM', 'KAZ', '041', '04', 1, 1.0, NULL, NULL, NULL, NULL, NULL, 'entretenu',
  'Le Premier ministre Phạm Minh Chính s''est entretenu au téléphone avec son homologue kazakh.', 97, 190, 9),
 (13, 9, 0, 2, 1, 'KAZ', 'VNM', '0311', '03', 1, 5.2, '2024', 19723, 20088, NULL, NULL, 'souhaite',
  'Le Kazakhstan souhaite renforcer cette année sa coopération économique avec le Vietnam.', 0, 91, 10),
 (14, 9, 1, 2, 1, 'KAZ', 'VNM', '174', '17', 4, -5.0, '2024-05-02', 19845, 19845, NULL, NULL, 'expulsé',
  'Le Kazakhstan a expulsé jeudi deux ressortissants vietnamiens accusés de travail illégal.', 92, 182, 11),
 (15, 9, 2, 9, 2, 'VNM', 'KAZ', '043', '04', 1, 2.8, '2024-05-01', 19844, 19844, 'Hanoï', 'VNM', 'accueilli',
  'Le Vietnam avait accueilli le 1er mai une délégation kazakhe de haut niveau.', 183, 260, NULL),
 (16, 10, 0, 1, 8, 'VNM', 'FRA', '042', '04', 1, 1.9, '2023-08-24', 19593, 19593, 'Paris', 'FRA', 'rendu',
  'Le président vietnamien s''est rendu jeudi à Paris.', 0, 52, 12);

-- figure clusters: source and target are the two parties
INSERT INTO clusters (id, kind, source, target, cameo, root, date, first, last, nsources) VALUES
 (20, 'figure', 'VNM', 'KAZ', NULL, NULL, '2023-01/2023-06', 19358, 19538, 2),
 (21, 'figure', 'KAZ', 'VNM', NULL, NULL, '2022', 18993, 19357, 1),
 (22, 'figure', 'VNM', 'KAZ', NULL, NULL, '2024', 19723, 20088, 1),
 (23, 'figure', 'KAZ', 'VNM', NULL, NULL, '2019', 17897, 18261, 1),
 (24, 'figure', 'KAZ', 'VNM', NULL, NULL, '2023', 19358, 19722, 1),
 (25, 'figure', 'VNM', 'FRA', NULL, NULL, '2023', 19358, 19722, 1);

INSERT INTO figures (id, doc, seq, indicator, party1, party2, period, first, last, value, unit, kind,
                     text, sentence, span_start, span_end, cluster) VALUES
 (1, 5, 0, 'trade', 'VNM', 'KAZ', '2023-01/2023-06', 19358, 19538, 600000000, 'USD', 'actual',
  '600 millions de dollars', 'Au premier semestre 2023, le commerce bilatéral a atteint 600 millions de dollars.', 203, 288, 20),
 (2, 6, 0, 'trade', 'KAZ', 'VNM', '2023-01/2023-06', 19358, 19538, 600000000, 'USD', 'actual',
  '600 millions de dollars', 'Le commerce entre les deux pays s''est élevé à 600 millions de dollars au premier semestre.', 230, 322, 20),
 (3, 4, 0, 'trade', 'KAZ', 'VNM', '2022', 18993, 19357, 1100000000, 'USD', 'actual',
  '1,1 milliard de dollars', 'Les échanges commerciaux entre les deux pays ont atteint 1,1 milliard de dollars en 2022.', 169, 260, 21),
 (4, 9, 0, 'trade', 'VNM', 'KAZ', '2024', 19723, 20088, 2000000000, 'USD', 'target',
  '2 milliards de dollars', 'Les deux pays visent 2 milliards de dollars d''échanges en 2024.', 261, 325, 22),
 (5, 2, 0, 'tourists', 'KAZ', 'VNM', '2019', 17897, 18261, 8500, 'persons', 'actual',
  '8 500 touristes', 'En 2019, quelque 8 500 touristes kazakhs ont visité le Vietnam.', 132, 197, 23),
 (6, 7, 0, 'tourists', 'KAZ', 'VNM', '2023', 19358, 19722, 15000, 'persons', 'actual',
  '15 000 touristes', 'Le Vietnam a accueilli 15 000 touristes kazakhs en 2023.', 132, 190, 24),
 (7, 10, 0, 'trade', 'VNM', 'FRA', '2023', 19358, 19722, 6000000000, 'EUR', 'actual',
  '6 milliards d''euros', 'Les échanges avec la France ont dépassé 6 milliards d''euros en 2023.', 53, 121, 25);

INSERT INTO agreements (id, doc, seq, title, party1, party2, date, first, last, sentence, span_start, span_end) VALUES
 (1, 5, 0, 'un mémorandum d''entente sur la coopération énergétique', 'VNM', 'KAZ', '2023-08-21', 19590, 19590,
  'Les deux pays ont signé lundi un mémorandum d''entente sur la coopération énergétique.', 113, 202),
 (2, 6, 0, 'un mémorandum d''entente sur la coopération énergétique', 'KAZ', 'VNM', '2023-08-21', 19590, 19590,
  'Le Kazakhstan et le Vietnam ont signé un mémorandum d''entente sur la coopération énergétique.', 135, 229),
 (3, 3, 0, 'un protocole sur le transport aérien', 'KAZ', 'VNM', NULL, NULL, NULL,
  'Les deux pays avaient conclu un protocole sur le transport aérien.', 117, 185),
 (4, 9, 0, 'un accord sur la R&D et l''innovation « <Partenariat 2030> »', 'VNM', 'KAZ', '2024-05-02', 19845, 19845,
  'Hanoï et Astana ont paraphé un accord sur la R&D et l''innovation, baptisé « <Partenariat 2030> ».', 326, 420);

COMMIT;
PRAGMA user_version = 1;
