"""Team-written sentence templates for the benchmark corpus (bench/corpus.py fills them).

Real place names and armed groups, invented people and events. {slots} are filled per article (town,
rebel, day...) or per sentence (person, age, n, month), so the same template reads differently each time.
"""

from __future__ import annotations

# (township or town, state/region): real places, so the tagger's gazetteer has something to find.
PLACES = (
    ("Kani", "Sagaing Region"), ("Yinmabin", "Sagaing Region"), ("Kalay", "Sagaing Region"),
    ("Myinmu", "Sagaing Region"), ("Depayin", "Sagaing Region"), ("Hpakant", "Kachin State"),
    ("Bhamo", "Kachin State"), ("Waingmaw", "Kachin State"), ("Kyauktaw", "Rakhine State"),
    ("Mrauk-U", "Rakhine State"), ("Minbya", "Rakhine State"), ("Ann", "Rakhine State"),
    ("Demoso", "Kayah State"), ("Loikaw", "Kayah State"), ("Myawaddy", "Kayin State"),
    ("Hpapun", "Kayin State"), ("Gangaw", "Magway Region"), ("Pauk", "Magway Region"),
    ("Lashio", "Shan State"), ("Hsipaw", "Shan State"), ("Kutkai", "Shan State"), ("Laukkaing", "Shan State"),
    ("Falam", "Chin State"), ("Mindat", "Chin State"), ("Tamu", "Sagaing Region"),
    ("Mogoke", "Mandalay Region"), ("Madaya", "Mandalay Region"), ("Thabeikkyin", "Mandalay Region"),
    ("Tanintharyi", "Tanintharyi Region"), ("Dawei", "Tanintharyi Region"), ("Thaton", "Mon State"),
    ("Bilin", "Mon State"), ("Pekon", "Shan State"), ("Hopong", "Shan State"), ("Momauk", "Kachin State"),
)
RESISTANCE = (
    "the People's Defence Force", "the Kachin Independence Army", "the Arakan Army", "the Karenni Army",
    "the Karen National Liberation Army", "the Chin National Army", "the Ta'ang National Liberation Army",
    "the Myanmar National Democratic Alliance Army", "local resistance fighters", "the Bamar People's Liberation Army",
    "the Karenni Nationalities Defence Force", "the Chinland Defence Force",
)
REGIME = ("junta troops", "the military", "regime forces", "soldiers of Light Infantry Battalion {battalion}",
          "the Tatmadaw", "Pyu Saw Htee militia members", "junta-backed militia")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
SPEAKERS = ("a resident who asked not to be named", "a local aid worker", "a spokesperson for {rebel}",
            "a member of the village administration", "a monk in the area", "a volunteer medic",
            "a teacher from the village", "a rescue team leader")
# Invented people: honorific + given names, as Burmese names are written in English-language news.
HONORIFICS = ("U", "Daw", "Ko", "Ma", "Saw", "Naw", "Sai", "Nang")
GIVEN_NAMES = ("Kyaw", "Min", "Aung", "Hnin", "Wai", "Zaw", "Lin", "Thida", "Myo", "Htet", "Naing", "Khin", "Su",
               "Thant", "Ye", "Moe", "Nyein", "Pyae", "Phyo", "Tun", "Win", "Ei", "Chit", "Hla")
CITIES = ("Yangon", "Mandalay", "Naypyitaw", "Taunggyi", "Bago", "Pathein", "Mawlamyine", "Bangkok", "Chiang Mai")
CLUBS = ("Yangon United", "Shan United", "Hantharwady United", "Ayeyawady United", "Rakhine United", "ISPE")

# Event kinds: headline, lead and body sentences.
EVENT_KINDS: dict[str, dict[str, tuple[str, ...]]] = {
    "airstrike": {
        "headline": ("Junta airstrike kills {killed} in {town}", "{killed} civilians dead after jets bomb {town} village",
                     "Air raid on {town} monastery leaves {killed} dead", "Jets strike market in {town}, {region}",
                     "{town} mourns {killed} killed in {day} bombing"),
        "lead": ("Military aircraft bombed a village in {town} Township, {region}, on {day}, killing {killed} civilians "
                 "and wounding {wounded} others, residents said.",
                 "A fighter jet dropped two bombs on {town} on {day} morning, killing {killed} people including children, "
                 "according to {speaker}.",
                 "At least {killed} people were killed when a junta aircraft struck a crowded market in {town} on {day}."),
        "body": ("The bombs hit a school and a row of houses near the market, {speaker} said.",
                 "Survivors said the aircraft circled twice before the strike, giving families no time to reach shelters.",
                 "Rescue workers were still pulling bodies from the rubble late on {day}, {speaker} told reporters.",
                 "{rebel_cap} said there were no fighters in the village at the time of the air raid.",
                 "{person}, {age}, said she lost her {relative} in the bombing and had nowhere left to live.",
                 "Villagers have dug bunkers beside their houses and hide in them whenever they hear a jet.",
                 "Among the dead were {n} children who had been studying in a makeshift classroom."),
    },
    "clash": {
        "headline": ("Heavy fighting between {rebel_short} and junta near {town}", "Clashes rage for a {nth} day around {town}",
                     "{rebel_short} fighters battle regime troops outside {town}", "Fighting closes highway near {town}",
                     "Battle for {town} enters {nth} day"),
        "lead": ("Fighting broke out between {rebel} and {regime} near {town} in {region} on {day}, {speaker} said.",
                 "{rebel_cap} attacked a junta outpost on the edge of {town} on {day}, sparking clashes that lasted into the night."),
        "body": ("At least {killed} soldiers were killed in the fighting, according to {rebel}, a figure that could not be "
                 "independently verified.",
                 "The clashes spread along the highway, and traffic between {town} and {town2} was halted.",
                 "{regime_cap} brought in reinforcements by truck and shelled the surrounding hills, {speaker} said.",
                 "Gunfire could be heard in the town until dawn, residents said.",
                 "{person}, a commander with {rebel}, said his fighters had surrounded {n} junta positions.",
                 "Drones were used by both sides, {speaker} said, and several houses caught fire."),
    },
    "shelling": {
        "headline": ("Artillery shells hit homes in {town}, {killed} killed", "Junta shelling of {town} forces thousands to flee",
                     "Shells fall on {town} wards for {nth2} days"),
        "lead": ("Artillery fired from a junta base struck residential wards of {town} on {day}, killing {killed} people, "
                 "{speaker} said.",
                 "{regime_cap} shelled villages around {town} in {region} on {day} after losing a hilltop position."),
        "body": ("Shells landed near a clinic and a monastery where displaced families had been sheltering.",
                 "Residents said the shelling had continued on and off for {nth2} days.",
                 "Local groups said {wounded} people were wounded, several of them seriously.",
                 "{person}, {age}, said a shell hit the house next to his while his family was eating."),
    },
    "capture": {
        "headline": ("{rebel_short} seizes junta base near {town}", "Resistance forces take control of {town}",
                     "Regime troops abandon outpost in {town} Township", "{town} falls to {rebel_short}"),
        "lead": ("{rebel_cap} said on {day} it had captured a military base near {town}, {region}, after a {nth}-day assault.",
                 "Junta troops abandoned their positions in {town} on {day} and retreated toward {town2}, {speaker} said."),
        "body": ("The group said it seized weapons and ammunition and detained {wounded} soldiers.",
                 "Photographs shared by the group showed fighters raising their flag over the base.",
                 "The regime has not commented on the loss of the outpost.",
                 "{person}, a spokesman for {rebel}, said the group would set up an administration in the town."),
    },
    "landmine": {
        "headline": ("Landmine blast kills {killed} farmers near {town}", "Mine explosion wounds villagers returning to {town}"),
        "lead": ("A landmine exploded on a farm path outside {town} on {day}, killing {killed} villagers, {speaker} said.",),
        "body": ("Aid groups say landmines have been laid around many villages since the coup.",
                 "The victims had gone back to check on their rice fields, relatives said.",
                 "{person}, {age}, lost a leg to a mine near the same path in {month}, neighbours said."),
    },
    "arrests": {
        "headline": ("Junta arrests {killed} youths in raid on {town}", "Regime detains village leaders in {town}"),
        "lead": ("{regime_cap} raided wards of {town} on {day} and arrested {killed} young men accused of supporting "
                 "{rebel}, {speaker} said.",),
        "body": ("Families said they did not know where the detainees had been taken.",
                 "Those arrested were accused of links to the resistance, a charge their relatives denied.",
                 "{person}, whose son was taken, said soldiers searched every phone in the house."),
    },
    "displacement": {
        "headline": ("Thousands flee {town} as fighting nears", "{displaced} people displaced from villages around {town}",
                     "Camps overflow as families leave {town}"),
        "lead": ("More than {displaced} people have fled their homes around {town} in {region} since fighting began last "
                 "week, according to local aid groups.",),
        "body": ("Families are sheltering in monasteries and forest camps, short of food and medicine.",
                 "Aid workers said roads to the camps were blocked and rice supplies were running low.",
                 "Many of the displaced had fled once before, {speaker} said.",
                 "{person}, {age}, walked for {n} days with her grandchildren to reach the camp."),
    },
    "conscription": {
        "headline": ("Young men flee {town} to avoid junta conscription", "Regime calls up new batch of conscripts in {region}"),
        "lead": ("Dozens of young men have left {town} for areas held by {rebel} since the junta announced a new round "
                 "of military conscription, {speaker} said.",),
        "body": ("Under the conscription law, men aged 18 to 35 can be drafted for two years.",
                 "Ward administrators were ordered to hand over lists of eligible residents, residents said.",
                 "{person}, {age}, said he left for the border the night his name appeared on the list."),
    },
}

# Context shared by every conflict story.
CONTEXT = (
    "The military seized power in a coup in February 2021, and fighting has since spread to much of the country.",
    "{rebel_cap} is one of several armed groups that have stepped up attacks on the junta over the past year.",
    "The regime's information team did not respond to requests for comment.",
    "State media said troops had repelled an attack by terrorists in the area but did not mention civilian casualties.",
    "Phone and internet lines in {town} have been cut for months, making the reports hard to verify.",
    "The United Nations says more than three million people have been displaced across Myanmar since the coup.",
    "Residents said fighting in {region} had intensified since {month}.",
    "{speaker_cap} said villagers were afraid to return to their homes.",
    "Local volunteers said they were collecting donations for the wounded in {town2}.",
    "A junta spokesman told state television that the military would restore stability in {region}.",
    "{person}, who runs a clinic in {town2}, said medicine for the wounded had run short.",
    "Prices of rice and cooking oil in {town} have doubled since the roads were closed, traders said.",
    "Schools in {n} villages of the township have not opened this year.",
    "Rights groups have called for an arms embargo and for sanctions on jet fuel supplies.",
    "The fighting in {town} follows a string of attacks on junta positions in neighbouring townships.",
    "{person}, {age}, said the family had moved {n} times since the coup.",
    "Residents said soldiers burned houses in {town2} during a raid in {month}.",
    "Relief groups said the monsoon had made the roads to the camps impassable.",
)

# Stories that are not about the conflict.
OTHER_TOPICS: dict[str, dict[str, tuple[str, ...]]] = {
    "economy": {
        "headline": ("Rice prices climb again in {city} markets", "Kyat slips against the dollar as importers struggle",
                     "Fuel queues return to {city} petrol stations", "Cooking oil prices hit new high in {city}"),
        "body": ("Traders in {city} said the price of a bag of rice had risen by {pct} percent in a month.",
                 "Importers blamed the weak currency and higher shipping costs for the increase.",
                 "Shop owners said customers were buying smaller amounts and asking for credit.",
                 "The central bank set a new reference rate on {day}, but traders said the market rate was higher.",
                 "Economists expect inflation to stay high for the rest of the year.",
                 "Garment factory workers said their wages no longer covered rent and food.",
                 "{person}, who sells vegetables in {city}, said her sales had halved since {month}.",
                 "A litre of diesel cost {n} thousand kyats on {day}, drivers said."),
    },
    "football": {
        "headline": ("{club} beat {club2} to go top of the league", "Late goal gives {club} a draw in {city}",
                     "{club} sign new coach ahead of season"),
        "body": ("{club} scored twice in the second half to win {score} in front of a crowd of {crowd}.",
                 "The coach praised his young midfielders and said the team was growing in confidence.",
                 "{club2} missed a penalty shortly before half time.",
                 "The league resumes next weekend after a short break for the national team.",
                 "Fans said ticket prices had gone up but the stadium was still full.",
                 "{person}, {age}, scored his first goal for the club in the {n}th minute.",
                 "The club's new striker signed from a team in Thailand this season."),
    },
    "weather": {
        "headline": ("Heavy monsoon rain floods streets of {city}", "Heat wave pushes temperatures past {temp} degrees in {city}"),
        "body": ("The meteorology department warned of more heavy rain over the next three days.",
                 "Several streets in {city} were under knee-deep water on {day} morning.",
                 "Farmers said the late rains had delayed planting of the paddy crop.",
                 "Temperatures reached {temp} degrees Celsius in the afternoon, the highest this year.",
                 "Doctors advised people to drink water and stay indoors at midday.",
                 "Power cuts made the heat harder to bear, residents said.",
                 "{person}, a trishaw driver, said he earned almost nothing on rainy days."),
    },
    "culture": {
        "headline": ("Crowds gather for Thadingyut lights in {city}", "{city} book fair draws readers despite hard times",
                     "Puppet troupe revives old stories in {city}"),
        "body": ("Families lit candles and paper lanterns in front of their homes for the festival of lights.",
                 "Stalls sold poetry, novels and children's books at discounts of up to {pct} percent.",
                 "Organisers said attendance was lower than before the pandemic but higher than last year.",
                 "A traditional puppet troupe performed in the evening to a packed hall.",
                 "Young writers said they were finding new readers through online shops.",
                 "Monks received alms from residents early in the morning.",
                 "{person}, {age}, has carved puppets for {n} decades and now teaches three apprentices."),
    },
    "technology": {
        "headline": ("Mobile operators raise data prices in {city}", "Startups in {city} turn to online payments"),
        "body": ("Customers said their monthly phone bills had nearly doubled.",
                 "The operator said higher costs for fuel and equipment forced the increase.",
                 "Small shops now accept payment through mobile wallets, owners said.",
                 "Developers said it was hard to keep staff as many young engineers moved abroad.",
                 "A new app lets farmers check crop prices at markets across the country.",
                 "The company plans to open {n} more offices next year.",
                 "{person}, who founded the startup in {month}, said sales had grown every quarter."),
    },
}
# Everyday sentences any non-conflict story can use.
EVERYDAY = (
    "Residents of {city} said life had become harder over the past year.",
    "{person}, {age}, said her family now eats meat only once a week.",
    "The city government said it would publish new figures in {month}.",
    "Many young people have left {city} to look for work in Thailand and Malaysia.",
    "Taxi drivers said the number of passengers had fallen since {month}.",
    "Officials did not answer calls seeking comment on {day}.",
)
RELATIVES = ("husband", "son", "daughter", "mother", "father", "brother", "sister")

# Word choices a reporter varies from story to story: each sentence draws its own, so two stories built
# from the same template share few runs of four words (as unrelated real stories do), and the
# near-duplicate detector is not handed thousands of false candidates.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "said": ("said", "told reporters", "said by phone", "added", "reported", "confirmed", "recalled"),
    "residents": ("residents", "locals", "villagers", "people living nearby", "townspeople", "families in the area"),
    "villagers": ("villagers", "residents", "farmers", "local people", "people from the village"),
    "junta": ("junta", "regime", "military government", "army", "military council"),
    "houses": ("houses", "homes", "buildings", "wooden homes", "family homes"),
    "fighting": ("fighting", "combat", "the clashes", "the violence", "hostilities"),
    "people": ("people", "residents", "civilians", "persons", "villagers"),
    "village": ("village", "hamlet", "settlement", "village tract", "community"),
    "troops": ("troops", "soldiers", "forces", "units", "infantry"),
    "the area": ("the area", "the township", "the region", "nearby villages", "the surrounding hills"),
    "food": ("food", "rice", "supplies", "rations", "basic goods"),
    "price": ("price", "cost", "retail price", "market price"),
    "traders": ("traders", "shopkeepers", "merchants", "vendors", "wholesalers"),
    "increase": ("increase", "rise", "jump", "hike"),
}
OPENERS = ("", "", "", "", "On {day}, ", "Meanwhile, ", "Separately, ", "Later, ", "By evening, ", "Earlier, ",
           "According to witnesses, ", "In a statement, ", "Since then, ", "As of {day}, ")
