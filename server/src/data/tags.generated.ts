// TAGS (Traffic Analysis by Geography and Subject) codes with kind, meaning and confidence.
// Source: ../shared/data/tags.tsv (sha256 19ea2cc4702d1158..., 306 data rows)
// Source column "source" (the value of each row is kept verbatim; families with row counts):
//   [0] PlusD tag description seen verbatim in a public Zotero translator test (WikiLeaks PlusD page), e.g. "PGOV - Political Affairs--Government; Internal Governmental Affairs" - 9 rows
//   [1] own wording after the State Dept TAGS/Terms handbook categories (5 FAH-3); not verified against the handbook text in this session - 142 rows
//   [2] FIPS 10-4-style country code as used in TAGS; corpus co-occurrence with originating post country - 154 rows
//   [3] corpus + cablemap reader.py _TAG_FIXES (e.g. "CLINTON HILLARY" -> "CLINTON, HILLARY") - 1 row
// Kinds: subject 92, program 39, organization 20, geo 146, region 8, person 1.
// Generated on 2026-11-27 by scripts/generate-data.mjs; do not edit. Re-run `npm run generate-data`.

/** Source families of the TSV "source" column: value = family, or family + ": " + detail. */
export const TAG_SOURCE_FAMILIES: readonly string[] = [
  "PlusD tag description seen verbatim in a public Zotero translator test (WikiLeaks PlusD page), e.g. \"PGOV - Political Affairs--Government; Internal Governmental Affairs\"",
  "own wording after the State Dept TAGS/Terms handbook categories (5 FAH-3); not verified against the handbook text in this session",
  "FIPS 10-4-style country code as used in TAGS; corpus co-occurrence with originating post country",
  "corpus + cablemap reader.py _TAG_FIXES (e.g. \"CLINTON HILLARY\" -> \"CLINTON, HILLARY\")",
];

/** Number of data rows in tags.tsv. */
export const TAG_ROW_COUNT = 306;

/**
 * One TSV row per line, in file order: tag|kind|meaning|confidence|corpus_cables|sourceFamily|sourceDetail
 * (trailing empty fields omitted). Parsed lazily by ./index.ts.
 */
export const TAG_ROWS =
  "PREL|subject|Political Affairs--External Political Relations|high (verbatim PlusD)|1096|0\n\
PGOV|subject|Political Affairs--Government; Internal Governmental Affairs|high (verbatim PlusD)|886|0\n\
PTER|subject|Political Affairs--Terrorists and Terrorism|high|344|1\n\
PINR|subject|Political Affairs--Intelligence (biographic/leadership reporting often)|high|266|1\n\
PHUM|subject|Political Affairs--Human Rights|high|169|1\n\
PARM|subject|Political Affairs--Arms Controls and Disarmament|high|116|1\n\
PINS|subject|Political Affairs--National Security|high|82|1\n\
PREF|subject|Political Affairs--Refugees|high|23|1\n\
PBTS|subject|Political Affairs--National Boundaries, Territories, and Sovereignty|high|19|1\n\
PROP|subject|Political Affairs--Propaganda and Psychological Operations|medium|4|1\n\
PHSA|subject|Political Affairs--High Seas Affairs (law of the sea, piracy)|medium|9|1\n\
PNAT|subject|Political Affairs--National Independence / nationalism|low|1|1\n\
PINT|subject|Political Affairs--internal political affairs (older/variant tag)|low|16|1\n\
PFOR|subject|Political Affairs--Foreign Policy Relations (1970s-era tag, predecessor of PREL)|medium|5|1\n\
ECON|subject|Economic Affairs--Economic Conditions, Trends and Potential|high (verbatim PlusD)|252|0\n\
EFIN|subject|Economic Affairs--Financial and Monetary Affairs|high (verbatim PlusD)|94|0\n\
EINV|subject|Economic Affairs--Investments; Foreign Investments|high (verbatim PlusD)|51|0\n\
ETRD|subject|Economic Affairs--Foreign Trade|high|61|1\n\
EAID|subject|Economic Affairs--Foreign Economic Assistance|high|64|1\n\
ENRG|subject|Economic Affairs--Energy and Power|high|75|1\n\
EPET|subject|Economic Affairs--Petroleum and Natural Gas|high|34|1\n\
ETTC|subject|Economic Affairs--Trade and Technology Controls (export controls)|high|46|1\n\
ELAB|subject|Economic Affairs--Labor|high|23|1\n\
EAGR|subject|Economic Affairs--Agriculture and Forestry|high|14|1\n\
EAIR|subject|Economic Affairs--Civil Aviation|high|11|1\n\
EIND|subject|Economic Affairs--Industry and Manufacturing|high|10|1\n\
EWWT|subject|Economic Affairs--Waterborne Transportation|high|8|1\n\
EMIN|subject|Economic Affairs--Minerals and Metals|high|7|1\n\
EFIS|subject|Economic Affairs--Fisheries|high|5|1\n\
ECPS|subject|Economic Affairs--Communications and Postal Systems|high|5|1\n\
ELTN|subject|Economic Affairs--Land Transportation|high|3|1\n\
EINT|subject|Economic Affairs--Economic and Commercial Internet|medium|1|1\n\
ECIN|subject|Economic Affairs--Economic Integration / regional cooperation|medium|3|1\n\
MARR|subject|Military and Defense Affairs--Military and Defense Arrangements|high (verbatim PlusD)|173|0\n\
MOPS|subject|Military and Defense Affairs--Military Operations|high|143|1\n\
MASS|subject|Military and Defense Affairs--Military Assistance and Sales|high|78|1\n\
MCAP|subject|Military and Defense Affairs--Military Capabilities|high|35|1\n\
MNUC|subject|Military and Defense Affairs--Military Nuclear Applications|high|53|1\n\
SOCI|subject|Social Affairs--Social Conditions|high|59|1\n\
SNAR|subject|Social Affairs--Narcotics|high|51|1\n\
SENV|subject|Social Affairs--Environmental Affairs|high|40|1\n\
SCUL|subject|Social Affairs--Cultural Affairs|high|15|1\n\
SMIG|subject|Social Affairs--Migration|high|5|1\n\
SHUM|subject|Social Affairs--Human Rights (older tag)|low|4|1\n\
TSPA|subject|Technology and Science--Space Activities|high|6|1\n\
TBIO|subject|Technology and Science--Biological and Medical Science|high|1|1\n\
TPHY|subject|Technology and Science--Physical Sciences|medium|2|1\n\
TRGY|subject|Technology and Science--Energy Technology|medium|9|1\n\
TSPL|subject|Technology and Science--Science and Technology Policy|medium|2|1\n\
TINT|subject|Technology and Science--Internet Technology|medium|0|1\n\
TNGD|subject|Technology and Science--(nuclear/energy research; exact caption unverified)|low|1|1\n\
ASEC|subject|Administration--Security (post security, threats)|high|56|1\n\
AMGT|subject|Administration--Management Operations|high|4|1\n\
APER|subject|Administration--Personnel|high|1|1\n\
AEMR|subject|Administration--Emergency Planning and Evacuation|high|1|1\n\
AFIN|subject|Administration--Financial Management|medium|1|1\n\
ABLD|subject|Administration--Buildings and Grounds|medium|1|1\n\
ABUD|subject|Administration--Budget Services|medium|0|1\n\
ACOA|subject|Administration--Communications Operations|medium|0|1\n\
ADCO|subject|Administration--Diplomatic Courier Operations|medium|0|1\n\
ADPM|subject|Administration--Diplomatic Pouch and Mail|medium|0|1\n\
AFSN|subject|Administration--Foreign Service Nationals (locally employed staff)|medium|0|1\n\
AFSP|subject|Administration--Post Administration|high (verbatim PlusD)|0|0\n\
ALOW|subject|Administration--Allowances|medium|0|1\n\
AMED|subject|Administration--Medical Services|medium|0|1\n\
AODE|subject|Administration--Employees of Other Departments/Agencies|medium|0|1\n\
AORC|subject|Administration--International Organizations and Conferences|medium|13|1\n\
ASCH|subject|Administration--Schools (dependent education)|medium|0|1\n\
ASIG|subject|Administration--Inspector General|medium|0|1\n\
AADP|subject|Administration--Automated Data Processing|medium|0|1\n\
AINF|subject|Administration--Information Management Services|medium|0|1\n\
BEXP|subject|Business Services--Trade Expansion and Promotion (export promotion)|medium|4|1\n\
BTIO|subject|Business Services--Trade and Investment Opportunities|medium|2|1\n\
BBSR|subject|Business Services--Business Services Reporting|medium|0|1\n\
BMGT|subject|Business Services--Management|low|0|1\n\
CASC|subject|Consular Affairs--Assistance to Citizens (American citizen services)|high|14|1\n\
CVIS|subject|Consular Affairs--Visas|high|6|1\n\
CMGT|subject|Consular Affairs--Consular Management|high|4|1\n\
CPAS|subject|Consular Affairs--Passports and Citizenship|high|0|1\n\
CJAN|subject|Consular Affairs--Judicial Assistance and Notarial Services|high|5|1\n\
CFED|subject|Consular Affairs--Federal Agency Services|medium|0|1\n\
CLOK|subject|Consular Affairs--Lookout System|medium|0|1\n\
OVIP|subject|Operations--Visits and Travel of Prominent Individuals; the person is named in parentheses, e.g. OVIP (CLINTON, HILLARY)|high|26|1\n\
OEXC|subject|Operations--Educational and Cultural Exchange|high|2|1\n\
OIIP|subject|Operations--International Information Programs|high|4|1\n\
OREP|subject|Operations--Congressional Travel (CODELs/STAFFDELs)|high|4|1\n\
OTRA|subject|Operations--Travel|medium|4|1\n\
OPRC|subject|Operations--Public Relations and Correspondence|medium|5|1\n\
ODIP|subject|Operations--Diplomatic Representation|medium|2|1\n\
OFDP|subject|Operations--Foreign Diplomats and Property|medium|1|1\n\
OPDC|subject|Operations--Diplomatic Courier / pouch (exact caption unverified)|low|2|1\n\
OSCI|subject|Operations--Science grants/exchanges (exact caption unverified)|low|1|1\n\
KDEM|program|Democratization|high|70|1\n\
KNNP|program|Nuclear Non-Proliferation|high|68|1\n\
KCRM|program|Criminal Activity|high|42|1\n\
KJUS|program|Justice / rule of law|medium|33|1\n\
KCOR|program|Corruption and anti-corruption|high|25|1\n\
KISL|program|Islamic affairs|high|23|1\n\
KPAO|program|Public Affairs Office|high (verbatim PlusD)|21|0\n\
KMDR|program|Media Reaction Reporting|high (verbatim PlusD)|5|0\n\
KGHG|program|Greenhouse gases / climate change|high|21|1\n\
KPAL|program|Palestinian affairs|high|20|1\n\
KTFN|program|Terrorism Financing|high|19|1\n\
KWBG|program|West Bank and Gaza|high|18|1\n\
KHLS|program|Homeland Security|high|13|1\n\
KIPR|program|Intellectual Property Rights|high|6|1\n\
KIRF|program|International Religious Freedom|high|4|1\n\
KTIP|program|Trafficking in Persons|high|2|1\n\
KWMN|program|Women's issues|high|2|1\n\
KHIV|program|HIV/AIDS|high|2|1\n\
KFRD|program|Fraud (consular fraud prevention)|high|2|1\n\
KPKO|program|Peacekeeping Operations|high|4|1\n\
KOLY|program|Olympics|high|4|1\n\
KCIP|program|Critical Infrastructure Protection|high|5|1\n\
KGIC|program|Global Initiative to Combat Nuclear Terrorism|medium|5|1\n\
KMCA|program|Millennium Challenge Account|high|2|1\n\
KSTC|program|Strategic Trade Controls|medium|2|1\n\
KAWC|program|Atrocities and War Crimes|medium|3|1\n\
KBIO|program|Biological weapons/threats|medium|3|1\n\
KSCA|program|Science and technology cooperation (exact caption unverified)|low|17|1\n\
KUNR|program|UN reform|medium|3|1\n\
KSUM|program|Summits (exact caption unverified)|low|3|1\n\
KCFE|program|Conventional Armed Forces in Europe Treaty|medium|1|1\n\
KDRG|program|Drugs (exact caption unverified)|low|6|1\n\
KSPR|program|(exact caption unverified)|low|9|1\n\
KAWK|program|(exact caption unverified)|low|6|1\n\
KPRP|program|(exact caption unverified)|low|5|1\n\
KRAD|program|Radiological (exact caption unverified)|low|5|1\n\
KACT|program|Arms control treaties (exact caption unverified)|low|4|1\n\
KDEV|program|Development (exact caption unverified)|low|1|1\n\
KNPP|program|Nuclear power plants (exact caption unverified)|low|1|1\n\
NATO|organization|North Atlantic Treaty Organization|high|56|1\n\
EUN|organization|European Union|high|30|1\n\
UNSC|organization|UN Security Council|high|12|1\n\
UNGA|organization|UN General Assembly|high|8|1\n\
IAEA|organization|International Atomic Energy Agency|high|6|1\n\
UNO|organization|United Nations (organization)|medium|5|1\n\
OAS|organization|Organization of American States|high|2|1\n\
OSCE|organization|Organization for Security and Co-operation in Europe|high|2|1\n\
UNMIK|organization|UN Mission in Kosovo|high|3|1\n\
ICTY|organization|International Criminal Tribunal for the former Yugoslavia|high|2|1\n\
WTO|organization|World Trade Organization|high|1|1\n\
OECD|organization|OECD|high|1|1\n\
ASEAN|organization|Association of Southeast Asian Nations|high|1|1\n\
SAARC|organization|South Asian Association for Regional Cooperation|high|1|1\n\
MTCRE|organization|Missile Technology Control Regime (tag spelling as used)|medium|12|1\n\
INTERPOL|organization|Interpol|high|2|1\n\
UNESCO|organization|UNESCO|high|1|1\n\
ICAO|organization|International Civil Aviation Organization|high|1|1\n\
IMO|organization|International Maritime Organization|high|1|1\n\
UNEP|organization|UN Environment Programme|high|2|1\n\
AE|geo|United Arab Emirates|high|22|2|United Arab Emirates:17\n\
AF|geo|Afghanistan|high|129|2|Afghanistan:47, United Kingdom:11\n\
AG|geo|Algeria|high|15|2|Algeria:9, France:4\n\
AJ|geo|Azerbaijan|high|10|2|Azerbaijan:9\n\
AL|geo|Albania|medium|1|2|n/a\n\
AM|geo|Armenia|medium|5|2|Armenia:1, Turkey:1\n\
AO|geo|Angola|medium|2|2|Angola:2\n\
AR|geo|Argentina|high|33|2|Argentina:20, Chile:2\n\
AS|geo|Australia|medium|1|2|n/a\n\
AU|geo|Austria|medium|5|2|Egypt:1, Austria:1\n\
BA|geo|Bahrain|medium|5|2|Bahrain:3, United Kingdom:1\n\
BC|geo|Botswana|medium|3|2|Botswana:3\n\
BE|geo|Belgium|medium|2|2|Belgium:2\n\
BG|geo|Bangladesh|medium|4|2|n/a\n\
BH|geo|Belize|medium|2|2|n/a\n\
BK|geo|Bosnia and Herzegovina|medium|3|2|Bosnia and Herzegovina:2, France:1\n\
BL|geo|Bolivia|high|28|2|Bolivia:22, Spain:2\n\
BM|geo|Burma|high|12|2|Burma:7, China:1\n\
BO|geo|Belarus|medium|6|2|Brazil:2, Chile:1\n\
BR|geo|Brazil|high|83|2|Brazil:65, Chile:2\n\
BU|geo|Bulgaria|medium|4|2|Yemen:1\n\
BX|geo|Brunei|medium|1|2|Brunei:1\n\
BY|geo|Burundi|medium|1|2|n/a\n\
CA|geo|Canada|high|7|2|Canada:4, Spain:1\n\
CD|geo|Chad|medium|1|2|n/a\n\
CE|geo|Sri Lanka|medium|5|2|United Kingdom:2, Sri Lanka:1\n\
CF|geo|Republic of the Congo (Brazzaville)|medium|2|2|France:1\n\
CG|geo|Democratic Republic of the Congo|medium|1|2|France:1\n\
CH|geo|China|high|70|2|China:40, South Korea:4\n\
CI|geo|Chile|medium|3|2|Chile:2\n\
CM|geo|Cameroon|medium|2|2|China:1, France:1\n\
CO|geo|Colombia|high|29|2|Colombia:19, France:3\n\
CS|geo|Costa Rica|medium|2|2|Colombia:1\n\
CU|geo|Cuba|medium|16|2|Venezuela:5, Spain:3\n\
CY|geo|Cyprus|medium|2|2|France:1, Yemen:1\n\
DA|geo|Denmark|medium|0|2|n/a\n\
DJ|geo|Djibouti|medium|2|2|Djibouti:2\n\
DR|geo|Dominican Republic|medium|0|2|n/a\n\
EC|geo|Ecuador|medium|1|2|Colombia:1\n\
EG|geo|Egypt|high|21|2|Egypt:9, Israel:6\n\
EI|geo|Ireland|medium|1|2|Ireland:1\n\
EN|geo|Estonia|high|7|2|Estonia:4, NATO (Brussels, Belgium):1\n\
ER|geo|Eritrea|medium|4|2|Eritrea:3, Djibouti:1\n\
ES|geo|El Salvador|high|7|2|El Salvador:7\n\
ET|geo|Ethiopia|medium|3|2|Ethiopia:2, Djibouti:1\n\
EU|geo|European Union (used like a geo tag)|medium|18|2|France:8, Belgium:3\n\
EZ|geo|Czech Republic|medium|2|2|Czech Republic:1\n\
FI|geo|Finland|medium|0|2|n/a\n\
FR|geo|France|high|121|2|France:84, United Kingdom:4\n\
GB|geo|Gabon|medium|2|2|Gabon:2\n\
GG|geo|Georgia|medium|22|2|Georgia:5, Russia:5\n\
GH|geo|Ghana|medium|0|2|n/a\n\
GM|geo|Germany|high|50|2|Germany:41, France:2\n\
GR|geo|Greece|medium|0|2|n/a\n\
GT|geo|Guatemala|medium|0|2|n/a\n\
GV|geo|Guinea|medium|9|2|Morocco:6, France:2\n\
HA|geo|Haiti|medium|4|2|Haiti:2, Brazil:2\n\
HO|geo|Honduras|medium|1|2|Honduras:1\n\
HR|geo|Croatia|medium|3|2|Croatia:3\n\
HU|geo|Hungary|medium|1|2|n/a\n\
IC|geo|Iceland|medium|1|2|Iceland:1\n\
ID|geo|Indonesia|medium|1|2|Pakistan:1\n\
IN|geo|India|high|42|2|India:11, Pakistan:4\n\
IR|geo|Iran|high|238|2|Iran:25, United Arab Emirates:21\n\
IS|geo|Israel|high|49|2|Israel:17, Egypt:6\n\
IT|geo|Italy|high|12|2|Italy:7, Russia:2\n\
IV|geo|Cote d'Ivoire|medium|4|2|Cote d'Ivoire:2, France:2\n\
IZ|geo|Iraq|high|82|2|Iraq:22, France:4\n\
JA|geo|Japan|high|5|2|Japan:1, China:1\n\
JM|geo|Jamaica|medium|2|2|Jamaica:2\n\
JO|geo|Jordan|medium|6|2|Jordan:2, Spain:1\n\
KE|geo|Kenya|medium|8|2|Kenya:6, Sudan:1\n\
KG|geo|Kyrgyzstan|medium|3|2|Kyrgyzstan:2\n\
KN|geo|North Korea|high|30|2|South Korea:10, China:8\n\
KS|geo|South Korea|high|19|2|South Korea:10, China:4\n\
KU|geo|Kuwait|high|15|2|Kuwait:8, United Kingdom:1\n\
KV|geo|Kosovo|high|9|2|Kosovo:6, Serbia:3\n\
KZ|geo|Kazakhstan|high|6|2|Kazakhstan:5\n\
LE|geo|Lebanon|high|41|2|Lebanon:10, France:7\n\
LG|geo|Latvia|medium|6|2|France:1, Latvia:1\n\
LH|geo|Lithuania|medium|4|2|NATO (Brussels, Belgium):2\n\
LO|geo|Slovakia|medium|1|2|n/a\n\
LY|geo|Libya|medium|18|2|Libya:11, United Kingdom:3\n\
MA|geo|Madagascar|medium|4|2|France:3\n\
MG|geo|Mongolia|medium|2|2|Mongolia:1, Moldova:1\n\
MK|geo|Macedonia|medium|2|2|Macedonia:2\n\
ML|geo|Mali|medium|5|2|Mali:2, Algeria:1\n\
MO|geo|Morocco|high|21|2|Morocco:16, France:2\n\
MR|geo|Mauritania|medium|6|2|France:4, Algeria:1\n\
MU|geo|Oman|medium|3|2|Oman:3\n\
MX|geo|Mexico|high|12|2|Mexico:10\n\
MY|geo|Malaysia|high|9|2|Malaysia:5, Pakistan:1\n\
MZ|geo|Mozambique|medium|4|2|Mozambique:4\n\
NG|geo|Niger|medium|6|2|France:4, Algeria:1\n\
NI|geo|Nigeria|high|10|2|Nigeria:7, United Kingdom:2\n\
NL|geo|Netherlands|medium|1|2|Netherlands:1\n\
NO|geo|Norway|high|6|2|Norway:5, Brazil:1\n\
NP|geo|Nepal|medium|6|2|n/a\n\
NU|geo|Nicaragua|medium|4|2|Nicaragua:3, Spain:1\n\
NZ|geo|New Zealand|medium|1|2|United Kingdom:1\n\
PA|geo|Paraguay|medium|4|2|Paraguay:1, Brazil:1\n\
PE|geo|Peru|medium|2|2|Spain:1, Peru:1\n\
PK|geo|Pakistan|high|111|2|Pakistan:58, Saudi Arabia:9\n\
PL|geo|Poland|high|12|2|Poland:8, Russia:1\n\
PM|geo|Panama|medium|2|2|Panama:1, Colombia:1\n\
PO|geo|Portugal|medium|1|2|Portugal:1\n\
QA|geo|Qatar|high|10|2|Qatar:7, Egypt:1\n\
RO|geo|Romania|medium|2|2|Romania:1\n\
RP|geo|Philippines|medium|0|2|n/a\n\
RS|geo|Russia|high|117|2|Russia:60, France:8\n\
RW|geo|Rwanda|medium|5|2|France:3, Rwanda:1\n\
SA|geo|Saudi Arabia|high|44|2|Saudi Arabia:28, Yemen:6\n\
SF|geo|South Africa|high|13|2|South Africa:9, Botswana:3\n\
SG|geo|Senegal|medium|3|2|Senegal:2\n\
SL|geo|Sierra Leone|medium|1|2|Sierra Leone:1\n\
SN|geo|Singapore|medium|2|2|Singapore:1, China:1\n\
SO|geo|Somalia|medium|11|2|Kenya:4, Somalia:3\n\
SP|geo|Spain|high|111|2|Spain:75, Libya:1\n\
SR|geo|Serbia (as used in Cablegate TAGS; FIPS code for Serbia is RI)|high|11|2|Serbia:8, France:2\n\
SU|geo|Sudan|medium|7|2|Egypt:2, Kenya:2\n\
SW|geo|Sweden|high|8|2|Sweden:7\n\
SY|geo|Syria|high|36|2|Syria:9, Israel:5\n\
SZ|geo|Switzerland|medium|2|2|Switzerland:1, Colombia:1\n\
TC|geo|United Arab Emirates (older FIPS code TC, later AE)|medium|2|2|n/a\n\
TH|geo|Thailand|medium|2|2|Thailand:2\n\
TI|geo|Tajikistan|medium|2|2|Tajikistan:1\n\
TO|geo|Togo|medium|1|2|France:1\n\
TS|geo|Tunisia|medium|8|2|Tunisia:6, France:2\n\
TU|geo|Turkey|high|58|2|Turkey:25, France:6\n\
TW|geo|Taiwan|medium|3|2|China:2\n\
TX|geo|Turkmenistan|high|12|2|Turkmenistan:9, Azerbaijan:1\n\
UG|geo|Uganda|medium|5|2|Uganda:3, Sudan:1\n\
UK|geo|United Kingdom|high|71|2|United Kingdom:49, France:4\n\
UN|geo|United Nations (used like a geo tag)|medium|7|2|France:2, Venezuela:1\n\
UP|geo|Ukraine|high|17|2|Ukraine:7, Russia:2\n\
US|geo|United States|medium|15|2|Algeria:4, Somalia:2\n\
UV|geo|Burkina Faso|medium|4|2|Morocco:2, Burkina Faso:1\n\
UY|geo|Uruguay|medium|2|2|Chile:1, Colombia:1\n\
UZ|geo|Uzbekistan|medium|1|2|n/a\n\
VE|geo|Venezuela|high|31|2|Venezuela:18, Spain:2\n\
VM|geo|Vietnam|medium|0|2|n/a\n\
VT|geo|Holy See (Vatican)|medium|1|2|Holy See:1\n\
WA|geo|Namibia|medium|1|2|Botswana:1\n\
XA|region|Africa (regional code)|medium|11|2|France:4, Morocco:2\n\
XF|region|Middle East / Near East (regional code)|medium|9|2|Iran:2, Brazil:2\n\
XG|region|Europe (regional code, unverified)|low|1|2|France:1\n\
XH|region|Eastern Europe (regional code, unverified)|low|1|2|Ukraine:1\n\
XL|region|Caribbean (regional code, likely)|low|2|2|Barbados:1, Mexico:1\n\
XM|region|Latin America (regional code)|medium|5|2|Brazil:3, Mexico:1\n\
XR|region|Central America (regional code, likely)|low|4|2|Brazil:2, Nicaragua:1\n\
XY|region|West Africa (regional code, unverified)|low|2|2|Senegal:1, France:1\n\
YM|geo|Yemen|high|28|2|Yemen:15, Saudi Arabia:6\n\
ZA|geo|Zambia|medium|0|2|n/a\n\
ZI|geo|Zimbabwe|high|13|2|Zimbabwe:10, South Africa:2\n\
(NAME)|person|Person tags: a subject tag (usually OVIP, sometimes PREL/PGOV/KDEM) followed by a name in parentheses, surname first: OVIP (BIDEN, JOSEPH)|high||3";
