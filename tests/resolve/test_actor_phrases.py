"""Actor phrases -> (country, sector): the resolver on its own, one phrase at a time.

Each row is `phrase | date | country | sector`, `-` for an empty cell. The
phrases are written for these tests: the issue's examples, dated offices (Trump is USAELI on
2017-01-01 and USAGOV on 2017-01-21), former/retired/opposition, ministries, militaries,
police, intelligence, rebels, IGOs, seats of power, demonym + role, possessives, sponsors
("Iran-backed") that are not the actor's country, and unknown names that stay unresolved.
"""

from __future__ import annotations

import pytest

from tacitus.pipeline import Coder
from tacitus.resolve.actors import resolve_phrase

CASES = """\
# --- session 4: a place inside a place, a place hung on a quantity, a country's capital
dozens of protesters in Tbilisi | 2024-05-01 | GEO | CVL
workers at a copper mine in Chile | 2024-05-01 | CHL | LAB
300 villagers in Kunar province in Afghanistan | 2024-05-01 | AFG | CVL
students at a college in Nairobi | 2024-05-01 | KEN | EDU
the Ugandan capital | 2024-05-01 | UGA | -
# a party's name running on through "for"
supporters of the Movement for Democratic Change | 2005-06-01 | ZWE | OPP
# undated: the office the phrase names, not the one held today
NATO Secretary General Jens Stoltenberg | - | - | IGO
Norwegian Prime Minister Jens Stoltenberg | - | NOR | GOV
# a president who also held the defence portfolio is the president, dated or not
Abdelaziz Bouteflika | - | DZA | GOV
Algerian President Abdelaziz Bouteflika | 2010-06-01 | DZA | GOV
# --- session 3: news-style phrases of 2019-2025, dated, one per country and kind
Israeli Defense Forces | 2023-11-01 | ISR | MIL
the Palestinian health ministry | 2023-11-01 | PSE | GOV
the U.S. State Department | 2023-05-01 | USA | GOV
Pentagon officials | 2023-05-01 | USA | MIL
the Chinese embassy in Washington | 2023-05-01 | CHN | GOV
the Indian Army | 2023-05-01 | IND | MIL
Brazilian President Luiz Inacio Lula da Silva | 2023-05-01 | BRA | GOV
German Chancellor Olaf Scholz | 2023-05-01 | DEU | GOV
British Prime Minister Rishi Sunak | 2023-05-01 | GBR | GOV
Japanese Prime Minister Fumio Kishida | 2023-05-01 | JPN | GOV
South Korean President Yoon Suk Yeol | 2023-05-01 | KOR | GOV
Lebanese army | 2023-05-01 | LBN | MIL
Hezbollah fighters | 2023-05-01 | LBN | REB
Boko Haram insurgents | 2023-05-01 | NGA | REB
Malian junta | 2023-05-01 | MLI | MIL
Colombian ELN guerrillas | 2023-05-01 | COL | REB
Egyptian security forces | 2023-05-01 | EGY | MIL
Saudi Crown Prince Mohammed bin Salman | 2023-05-01 | SAU | GOV
Israeli Prime Minister Benjamin Netanyahu | 2023-05-01 | ISR | GOV
Palestinian Authority President Mahmoud Abbas | 2023-05-01 | PSE | GOV
Israeli settlers | 2023-05-01 | ISR | CVL
Palestinian protesters | 2023-05-01 | PSE | CVL
US Secretary of State Antony Blinken | 2023-05-01 | USA | GOV
Republican senators | 2023-05-01 | USA | LEG
the Sri Lankan navy | 2023-05-01 | LKA | MIL
Bangladeshi garment workers | 2023-05-01 | BGD | LAB
Thai protesters | 2023-05-01 | THA | CVL
Belarusian opposition leader Sviatlana Tsikhanouskaya | 2023-05-01 | BLR | OPP
Russian opposition leader Alexei Navalny | 2021-05-01 | RUS | OPP
Armenian Prime Minister Nikol Pashinyan | 2023-05-01 | ARM | GOV
Azerbaijani forces | 2023-05-01 | AZE | MIL
Serbian President Aleksandar Vucic | 2023-05-01 | SRB | GOV
Kosovo police | 2023-05-01 | XKX | COP
the Greek coast guard | 2023-05-01 | GRC | MIL
Turkish President Recep Tayyip Erdogan | 2023-05-01 | TUR | GOV
PKK fighters | 2023-05-01 | TUR | REB
Polish border guards | 2023-05-01 | POL | COP
Hungarian Prime Minister Viktor Orban | 2023-05-01 | HUN | GOV
Venezuelan opposition leader Juan Guaido | 2020-05-01 | VEN | OPP
Russian warplanes | 2020-05-01 | RUS | MIL
the Afghan Interior Ministry | 2019-05-01 | AFG | GOV
Somali Prime Minister Hamza Abdi Barre | 2023-05-01 | SOM | GOV
Ethiopian Prime Minister Abiy Ahmed | 2023-05-01 | ETH | GOV
Tigrayan forces | 2021-05-01 | ETH | REB
Libyan National Army | 2020-05-01 | LBY | MIL
Kurdish Peshmerga | 2020-05-01 | IRQ | MIL
Haitian police | 2023-05-01 | HTI | COP
Chilean Interior Minister Carolina Toha | 2023-05-01 | CHL | GOV
Peruvian President Dina Boluarte | 2023-05-01 | PER | GOV
Argentine President Javier Milei | 2024-05-01 | ARG | GOV
the Bolivian army | 2024-06-27 | BOL | MIL
Pakistani Prime Minister Shehbaz Sharif | 2023-05-01 | PAK | GOV
Indian Prime Minister Narendra Modi | 2023-05-01 | IND | GOV
Chinese Foreign Ministry spokesman Wang Wenbin | 2023-05-01 | CHN | GOV
Taiwan's defence ministry | 2023-05-01 | TWN | MIL
Australian Prime Minister Anthony Albanese | 2023-05-01 | AUS | GOV
New Zealand police | 2023-05-01 | NZL | COP
Canadian Prime Minister Justin Trudeau | 2023-05-01 | CAN | GOV
Mexican President Andres Manuel Lopez Obrador | 2023-05-01 | MEX | GOV
Cuban dissidents | 2023-05-01 | CUB | OPP
Guatemalan prosecutors | 2023-05-01 | GTM | JUD
Salvadoran President Nayib Bukele | 2023-05-01 | SLV | GOV
Honduran police | 2023-05-01 | HND | COP
the Egyptian foreign ministry | 2023-05-01 | EGY | GOV
Jordanian King Abdullah | 2023-05-01 | JOR | GOV
Qatari Prime Minister Mohammed bin Abdulrahman Al Thani | 2023-05-01 | QAT | GOV
the Emirati foreign ministry | 2023-05-01 | ARE | GOV
Moroccan security forces | 2023-05-01 | MAR | MIL
Senegalese opposition leader Ousmane Sonko | 2023-05-01 | SEN | OPP
Ivorian troops | 2023-05-01 | CIV | MIL
Ghanaian President Nana Akufo-Addo | 2023-05-01 | GHA | GOV
Cameroonian separatists | 2023-05-01 | CMR | REB
Congolese troops | 2023-05-01 | COD | MIL
Rwandan President Paul Kagame | 2023-05-01 | RWA | GOV
Ugandan opposition leader Bobi Wine | 2023-05-01 | UGA | OPP
Tanzanian police | 2023-05-01 | TZA | COP
Mozambican insurgents | 2023-05-01 | MOZ | REB
Zimbabwean President Emmerson Mnangagwa | 2023-05-01 | ZWE | GOV
South African President Cyril Ramaphosa | 2023-05-01 | ZAF | GOV
a Kenyan court | 2023-05-01 | KEN | JUD
Niger's junta | 2023-08-01 | NER | MIL
Chadian soldiers | 2023-05-01 | TCD | MIL
South Sudanese President Salva Kiir | 2023-05-01 | SSD | GOV
Ukrainian drones | 2023-05-01 | UKR | MIL
Moldovan President Maia Sandu | 2023-05-01 | MDA | GOV
Georgian protesters | 2023-05-01 | GEO | CVL
Kazakh President Kassym-Jomart Tokayev | 2023-05-01 | KAZ | GOV
Uzbek authorities | 2023-05-01 | UZB | GOV
Tajik border guards | 2023-05-01 | TJK | COP
Kyrgyz troops | 2023-05-01 | KGZ | MIL
Afghanistan's Taliban rulers | 2023-05-01 | AFG | GOV
Iranian protesters | 2023-05-01 | IRN | CVL
Iraqi Prime Minister Mohammed Shia al-Sudani | 2023-05-01 | IRQ | GOV
Kuwaiti emir | 2023-05-01 | KWT | GOV
Bahraini authorities | 2023-05-01 | BHR | GOV
Turkish-backed Syrian fighters | 2023-05-01 | SYR | REB
Palestinian gunmen | 2023-05-01 | PSE | UAF
# --- session 2: ministers of more countries, dated
Nikos Dendias | 2021-03-01 | GRC | GOV
Nikos Dendias | 2024-03-01 | GRC | MIL
Grant Shapps | 2023-10-01 | GBR | MIL
Fernando Grande-Marlaska | 2020-01-10 | ESP | GOV
Radoslaw Sikorski | 2024-06-01 | POL | GOV
Mariusz Blaszczak | 2020-06-01 | POL | MIL
Ivica Dacic | 2015-06-01 | SRB | GOV
Ayman Safadi | 2020-06-01 | JOR | GOV
Sameh Shoukry | 2020-06-01 | EGY | GOV
Pham Binh Minh | 2015-06-01 | VNM | GOV
Don Pramudwinai | 2020-06-01 | THA | GOV
Marcelo Ebrard | 2020-06-01 | MEX | GOV
Penny Wong | 2023-06-01 | AUS | GOV
Hakan Fidan | 2024-06-01 | TUR | GOV
Lloyd Austin | 2022-06-01 | USA | MIL
Alejandro Mayorkas | 2022-06-01 | USA | GOV
# --- posts in international organisations: the organisation while held, ELI outside
UN Secretary-General Antonio Guterres | 2020-05-01 | - | IGO
Josep Borrell | 2021-05-01 | - | IGO
Josep Borrell | 2019-03-01 | ESP | GOV
Josep Borrell | 2025-05-01 | ESP | ELI
Mark Rutte | 2022-01-10 | NLD | GOV
Mark Rutte | 2025-01-10 | - | IGO
Ursula von der Leyen | 2023-01-10 | - | IGO
Ban Ki-moon | 2019-01-10 | KOR | ELI
# --- heads of more Latin American countries
Nicaraguan President Daniel Ortega | 2022-02-10 | NIC | GOV
Evo Morales | 2021-06-01 | BOL | ELI
Nayib Bukele | 2024-06-01 | SLV | GOV
Rafael Correa | 2012-06-01 | ECU | GOV
# --- spokespeople quoted by name alone
Nasser Kan'ani | 2022-10-17 | IRN | GOV
Zhao Lijian | 2021-03-01 | CHN | GOV
Karine Jean-Pierre | 2023-03-01 | USA | GOV
Sean Spicer | 2019-03-01 | USA | ELI
# --- a group named in apposition, Arabic articles in lower case
The Somali Islamist group al-Shabab | 2017-03-13 | SOM | REB
al-Shabab | 2017-03-13 | SOM | REB
the militant group Boko Haram | 2017-03-13 | NGA | REB
# --- the side a phrase is loyal to or speaks for
fighters loyal to Khalifa Haftar | 2019-05-01 | LBY | REB
forces loyal to President Bashar Assad | 2017-05-01 | SYR | MIL
a spokesperson for the White House | 2017-05-01 | USA | GOV
a spokesman for the Russian foreign ministry | 2017-05-01 | RUS | GOV
a spokesman for former president Yahya Jammeh | 2025-01-10 | GMB | ELI
an envoy for the United Nations | 2025-01-10 | - | IGO
the ruling party chairman | 2024-01-10 | - | PTY
the chairman of the African Union Commission | 2024-01-10 | - | IGO
UN Secretary-General | 2024-01-10 | - | IGO
militias allied with Iran | 2019-05-01 | - | UAF
the Syrian army and its partner the Lebanese group Hezbollah | 2017-05-01 | SYR | MIL
hackers tied to the North Korean government | 2019-05-01 | PRK | CVL
gunmen linked to Hezbollah | 2019-05-01 | LBN | UAF
militiamen affiliated with the Iraqi government | 2019-05-01 | IRQ | UAF
# --- a relation noun announcing the one named: the named one is the actor
its NATO ally Turkey | 2019-05-01 | TUR | -
Moscow's close ally Belarus | 2019-05-01 | BLR | -
its impoverished neighbour Tajikistan | 2019-05-01 | TJK | -
the island nation Cuba | 2019-05-01 | CUB | -
# --- an organisation's row valid on the day, before its later periods
Taliban attackers | 2016-05-01 | AFG | REB
Taliban attackers | 2023-05-01 | AFG | GOV
# --- a party after a bare "opposition" the parser cut off from it
the opposition Pakistan Tehreek-e-Insaf | 2022-05-01 | PAK | OPP
the opposition Indian National Congress | 2022-05-01 | IND | OPP
# --- more role nouns; US party words make legislators American
Burkina Faso's military rulers | 2023-05-01 | BFA | MIL
Nigeria's electoral commission | 2023-02-01 | NGA | GOV
Democratic lawmakers | 2023-05-01 | USA | LEG
a Republican senator | 2023-05-01 | USA | LEG
Democratic Unionist Party lawmakers | 2019-05-01 | GBR | LEG
# --- legislators are where they sit
lawmakers in Kyiv | 2019-05-01 | UKR | LEG
the parliament in Tunisia | 2019-05-01 | TUN | LEG
# --- the issue's own examples
Turkish Foreign Minister Mevlut Cavusoglu | - | TUR | GOV
three Nigerian soldiers | - | NGA | MIL
a Chinese coast guard vessel | - | CHN | MIL
the Kenyan foreign ministry | - | KEN | GOV
Peruvian riot police | - | PER | COP
# --- dated offices
President Donald Trump | 2017-01-01 | USA | ELI
President Donald Trump | 2017-01-21 | USA | GOV
President-elect Donald Trump | 2016-12-01 | USA | ELI
Donald Trump | 2019-06-01 | USA | GOV
Donald Trump | 2022-06-01 | USA | ELI
Donald Trump | 2025-03-01 | USA | GOV
Barack Obama | 2010-03-01 | USA | GOV
Barack Obama | 2018-03-01 | USA | ELI
former President Barack Obama | 2012-03-01 | USA | ELI
former president Bill Clinton | 2005-03-01 | USA | ELI
Bill Clinton | 1998-03-01 | USA | GOV
George W. Bush | 2003-03-20 | USA | GOV
George W. Bush | 2012-03-20 | USA | ELI
Joe Biden | 2015-05-05 | USA | GOV
Joe Biden | 2019-05-05 | USA | ELI
Joe Biden | 2023-05-05 | USA | GOV
Vice President Mike Pence | 2018-05-05 | USA | GOV
Hillary Clinton | 2011-05-05 | USA | GOV
Hillary Clinton | 2016-05-05 | USA | ELI
Secretary of State John Kerry | 2014-05-05 | USA | GOV
Rex Tillerson | 2017-06-01 | USA | GOV
Mike Pompeo | 2017-06-01 | USA | SPY
Mike Pompeo | 2019-06-01 | USA | GOV
Antony Blinken | 2022-06-01 | USA | GOV
Vladimir Putin | 2005-06-01 | RUS | GOV
Vladimir Putin | 2010-06-01 | RUS | GOV
Russian President Vladimir Putin | 2022-02-24 | RUS | GOV
Dmitry Medvedev | 2009-06-01 | RUS | GOV
Sergei Lavrov | 2016-06-01 | RUS | GOV
Russian Foreign Minister Sergei Lavrov | 2019-06-01 | RUS | GOV
Sergei Shoigu | 2018-06-01 | RUS | MIL
Defence Minister Sergei Shoigu | 2015-06-01 | RUS | MIL
Valery Gerasimov | 2022-06-01 | RUS | MIL
Alexander Bortnikov | 2020-06-01 | RUS | SPY
Dmitry Peskov | 2020-06-01 | RUS | GOV
Maria Zakharova | 2020-06-01 | RUS | GOV
Volodymyr Zelensky | 2022-03-01 | UKR | GOV
Ukrainian President Volodymyr Zelensky | 2023-03-01 | UKR | GOV
Petro Poroshenko | 2016-03-01 | UKR | GOV
Petro Poroshenko | 2021-03-01 | UKR | ELI
former Ukrainian president Petro Poroshenko | 2021-03-01 | UKR | ELI
Viktor Yanukovych | 2013-03-01 | UKR | GOV
Viktor Yanukovych | 2015-03-01 | UKR | ELI
Dmytro Kuleba | 2022-03-01 | UKR | GOV
Xi Jinping | 2018-03-01 | CHN | GOV
Chinese President Xi Jinping | 2020-03-01 | CHN | GOV
Hu Jintao | 2008-03-01 | CHN | GOV
Hu Jintao | 2015-03-01 | CHN | ELI
Wang Yi | 2016-03-01 | CHN | GOV
Li Keqiang | 2016-03-01 | CHN | GOV
Tony Blair | 2003-03-01 | GBR | GOV
Tony Blair | 2010-03-01 | GBR | ELI
former British Prime Minister Tony Blair | 2010-03-01 | GBR | ELI
Theresa May | 2018-03-01 | GBR | GOV
Boris Johnson | 2017-03-01 | GBR | GOV
Boris Johnson | 2020-03-01 | GBR | GOV
Boris Johnson | 2023-03-01 | GBR | ELI
Keir Starmer | 2024-09-01 | GBR | GOV
Emmanuel Macron | 2019-09-01 | FRA | GOV
French President Emmanuel Macron | 2022-09-01 | FRA | GOV
Nicolas Sarkozy | 2009-09-01 | FRA | GOV
Nicolas Sarkozy | 2015-09-01 | FRA | ELI
Jacques Chirac | 2003-09-01 | FRA | GOV
Angela Merkel | 2015-09-01 | DEU | GOV
German Chancellor Angela Merkel | 2010-09-01 | DEU | GOV
Angela Merkel | 2023-09-01 | DEU | ELI
Olaf Scholz | 2023-09-01 | DEU | GOV
Frank-Walter Steinmeier | 2019-09-01 | DEU | GOV
Silvio Berlusconi | 2009-09-01 | ITA | GOV
Giorgia Meloni | 2023-09-01 | ITA | GOV
# --- leaders without a date: current or latest office
Sergei Lavrov | - | RUS | GOV
Xi Jinping | - | CHN | GOV
Emmanuel Macron | - | FRA | GOV
# --- former / retired / opposition / elect
former Prime Minister | - | - | ELI
a former minister | - | - | ELI
the former Iraqi prime minister | - | IRQ | ELI
ex-President | - | - | ELI
a retired Pakistani general | - | PAK | ELI
retired army officers | - | - | ELI
former Colombian president | - | COL | ELI
the former Brazilian president | - | BRA | ELI
opposition leader | - | - | OPP
the Venezuelan opposition | - | VEN | OPP
Belarusian opposition activists | - | BLR | OPP
the main opposition party | - | - | OPP
Turkish opposition lawmakers | - | TUR | OPP
anti-government protesters | - | - | OPP
Thai anti-government protesters | - | THA | OPP
Kenyan opposition supporters | - | KEN | OPP
Russian dissidents | - | RUS | OPP
the president-elect | - | - | ELI
# --- ministries and governments
the Iranian foreign ministry | - | IRN | GOV
Iran's foreign ministry | - | IRN | GOV
the foreign ministry of Iran | - | IRN | GOV
the Russian foreign ministry | - | RUS | GOV
the Indian government | - | IND | GOV
India's government | - | IND | GOV
the government of India | - | IND | GOV
the Saudi government | - | SAU | GOV
the Egyptian interior ministry | - | EGY | GOV
Egypt's interior ministry | - | EGY | GOV
the Pakistani finance ministry | - | PAK | GOV
the Ethiopian government | - | ETH | GOV
Malian authorities | - | MLI | GOV
Chinese authorities | - | CHN | GOV
Syrian officials | - | SYR | GOV
Iraqi officials | - | IRQ | GOV
South Korean officials | - | KOR | GOV
North Korean officials | - | PRK | GOV
the North Korean regime | - | PRK | GOV
the Syrian regime | - | SYR | GOV
the Japanese cabinet | - | JPN | GOV
the German chancellor | - | DEU | GOV
the French presidency | - | FRA | GOV
the Kenyan president | - | KEN | GOV
the president of Kenya | - | KEN | GOV
Nigeria's president | - | NGA | GOV
the Nigerian president | - | NGA | GOV
Philippine President | - | PHL | GOV
the Israeli prime minister | - | ISR | GOV
Israel's prime minister | - | ISR | GOV
the Indian prime minister | - | IND | GOV
the Canadian prime minister | - | CAN | GOV
the Australian foreign minister | - | AUS | GOV
Australia's foreign minister | - | AUS | GOV
the foreign ministers of India and Pakistan | - | IND | GOV
the Mexican foreign secretary | - | MEX | GOV
the Brazilian foreign minister | - | BRA | GOV
Argentine Foreign Minister | - | ARG | GOV
the Chilean interior minister | - | CHL | GOV
the Colombian government | - | COL | GOV
the Venezuelan government | - | VEN | GOV
Cuban officials | - | CUB | GOV
the Cuban government | - | CUB | GOV
the Turkish president | - | TUR | GOV
the Ukrainian government | - | UKR | GOV
the Polish government | - | POL | GOV
Polish officials | - | POL | GOV
the Hungarian prime minister | - | HUN | GOV
the Greek government | - | GRC | GOV
the Spanish government | - | ESP | GOV
Spanish authorities | - | ESP | GOV
the Italian government | - | ITA | GOV
the Dutch government | - | NLD | GOV
the Belgian foreign minister | - | BEL | GOV
the Swedish government | - | SWE | GOV
the Norwegian foreign ministry | - | NOR | GOV
the Danish prime minister | - | DNK | GOV
Finnish officials | - | FIN | GOV
the Swiss government | - | CHE | GOV
the Austrian chancellor | - | AUT | GOV
the Czech government | - | CZE | GOV
the Romanian president | - | ROU | GOV
Serbian officials | - | SRB | GOV
the Kosovo government | - | XKX | GOV
Kosovo Prime Minister Albin Kurti | - | XKX | GOV
the Georgian government | - | GEO | GOV
the Armenian prime minister | - | ARM | GOV
the Azerbaijani foreign ministry | - | AZE | GOV
Kazakh officials | - | KAZ | GOV
the Uzbek government | - | UZB | GOV
Afghan officials | - | AFG | GOV
the Afghan government | 2015-01-01 | AFG | GOV
the Pakistani government | - | PAK | GOV
the Bangladeshi government | - | BGD | GOV
Sri Lankan authorities | - | LKA | GOV
the Nepalese government | - | NPL | GOV
the Burmese government | - | MMR | GOV
Thai authorities | - | THA | GOV
the Vietnamese foreign ministry | - | VNM | GOV
Indonesian officials | - | IDN | GOV
the Malaysian government | - | MYS | GOV
the Singaporean government | - | SGP | GOV
the Philippine government | - | PHL | GOV
the Taiwanese government | - | TWN | GOV
Japanese officials | - | JPN | GOV
the Japanese prime minister | - | JPN | GOV
the South Korean president | - | KOR | GOV
Mongolian officials | - | MNG | GOV
the Iraqi government | - | IRQ | GOV
the Jordanian government | - | JOR | GOV
Lebanese officials | - | LBN | GOV
the Lebanese government | - | LBN | GOV
the Qatari foreign ministry | - | QAT | GOV
Emirati officials | - | ARE | GOV
the Kuwaiti government | - | KWT | GOV
the Omani foreign minister | - | OMN | GOV
the Yemeni government | - | YEM | GOV
the Palestinian Authority | - | PSE | GOV
Palestinian officials | - | PSE | GOV
the Israeli government | - | ISR | GOV
the Libyan government | - | LBY | GOV
Algerian authorities | - | DZA | GOV
the Moroccan government | - | MAR | GOV
the Tunisian president | - | TUN | GOV
the Sudanese government | - | SDN | GOV
the South Sudanese government | - | SSD | GOV
Somali officials | - | SOM | GOV
the Somali government | - | SOM | GOV
the Ugandan president | - | UGA | GOV
Rwandan officials | - | RWA | GOV
the Congolese government | - | COD | GOV
the Nigerien government | - | NER | GOV
the Ghanaian government | - | GHA | GOV
the Senegalese president | - | SEN | GOV
South African officials | - | ZAF | GOV
the Zimbabwean government | - | ZWE | GOV
the Mozambican government | - | MOZ | GOV
the Angolan government | - | AGO | GOV
Ivorian authorities | - | CIV | GOV
the Cameroonian government | - | CMR | GOV
the Eritrean government | - | ERI | GOV
the Haitian government | - | HTI | GOV
Bolivian officials | - | BOL | GOV
the Ecuadorian government | - | ECU | GOV
Paraguayan officials | - | PRY | GOV
the Uruguayan government | - | URY | GOV
the Nicaraguan government | - | NIC | GOV
the Honduran president | - | HND | GOV
Guatemalan authorities | - | GTM | GOV
the Salvadoran government | - | SLV | GOV
the Panamanian government | - | PAN | GOV
New Zealand officials | - | NZL | GOV
the Fijian government | - | FJI | GOV
# --- diplomats and embassies
the US ambassador | - | USA | GOV
the American ambassador | - | USA | GOV
the Russian ambassador | - | RUS | GOV
Russian diplomats | - | RUS | GOV
two Russian diplomats | - | RUS | GOV
British diplomats | - | GBR | GOV
the British embassy | - | GBR | GOV
the Chinese embassy | - | CHN | GOV
the US embassy in Baghdad | - | USA | GOV
the Iranian embassy | - | IRN | GOV
a German envoy | - | DEU | GOV
the Saudi ambassador | - | SAU | GOV
the Turkish consulate | - | TUR | GOV
the French charge d'affaires | - | FRA | GOV
the Japanese envoy | - | JPN | GOV
Norwegian negotiators | - | NOR | GOV
the Qatari mediators | - | QAT | -
# --- militaries, branches, forces, equipment
Israeli troops | - | ISR | MIL
Russian troops | - | RUS | MIL
Russian forces | - | RUS | MIL
Ukrainian forces | - | UKR | MIL
the Ukrainian army | - | UKR | MIL
US troops | - | USA | MIL
U.S. forces | - | USA | MIL
American soldiers | - | USA | MIL
the US military | - | USA | MIL
the U.S. Navy | - | USA | MIL
the Indian army | - | IND | MIL
the Indian navy | - | IND | MIL
Pakistani troops | - | PAK | MIL
the Pakistani army | - | PAK | MIL
the Pakistan Army | - | PAK | MIL
Chinese warships | - | CHN | MIL
a Chinese warship | - | CHN | MIL
Chinese fighter jets | - | CHN | MIL
the Chinese military | - | CHN | MIL
Taiwanese troops | - | TWN | MIL
North Korean soldiers | - | PRK | MIL
the South Korean military | - | KOR | MIL
Japanese warplanes | - | JPN | MIL
the Turkish army | - | TUR | MIL
Turkish warplanes | - | TUR | MIL
Turkish soldiers | - | TUR | MIL
Syrian government forces | - | SYR | MIL
Syrian army troops | - | SYR | MIL
Iraqi forces | - | IRQ | MIL
Iraqi security forces | - | IRQ | MIL
Iranian forces | - | IRN | MIL
Iranian warships | - | IRN | MIL
the Saudi-led coalition | - | SAU | -
Saudi warplanes | - | SAU | MIL
Egyptian troops | - | EGY | MIL
the Egyptian army | - | EGY | MIL
Libyan forces | - | LBY | MIL
Malian soldiers | - | MLI | MIL
the Malian army | - | MLI | MIL
French troops | - | FRA | MIL
French soldiers in Mali | - | FRA | MIL
British troops | - | GBR | MIL
the British army | - | GBR | MIL
the Royal Navy | - | - | MIL
German soldiers | - | DEU | MIL
Polish troops | - | POL | MIL
Sudanese soldiers | - | SDN | MIL
the Sudanese army | - | SDN | MIL
Ethiopian troops | - | ETH | MIL
Eritrean troops | - | ERI | MIL
Somali troops | - | SOM | MIL
Kenyan troops | - | KEN | MIL
Ugandan soldiers | - | UGA | MIL
Rwandan troops | - | RWA | MIL
Congolese soldiers | - | COD | MIL
Nigerian troops | - | NGA | MIL
the Nigerian army | - | NGA | MIL
Nigerian air force jets | - | NGA | MIL
Colombian soldiers | - | COL | MIL
the Colombian army | - | COL | MIL
Venezuelan troops | - | VEN | MIL
Mexican soldiers | - | MEX | MIL
the Mexican navy | - | MEX | MIL
Brazilian soldiers | - | BRA | MIL
Philippine troops | - | PHL | MIL
Filipino soldiers | - | PHL | MIL
the Philippine coast guard | - | PHL | MIL
a Japanese coast guard ship | - | JPN | MIL
Vietnamese fishermen | - | VNM | AGR
Thai soldiers | - | THA | MIL
Cambodian troops | - | KHM | MIL
Indonesian troops | - | IDN | MIL
Afghan soldiers | 2015-01-01 | AFG | MIL
Afghan forces | 2015-01-01 | AFG | MIL
Armenian forces | - | ARM | MIL
Azerbaijani troops | - | AZE | MIL
Georgian soldiers | - | GEO | MIL
Belarusian troops | - | BLR | MIL
Israeli warplanes | - | ISR | MIL
Israeli soldiers | - | ISR | MIL
the Israeli military | - | ISR | MIL
the Israeli army | - | ISR | MIL
an Israeli drone | - | ISR | MIL
the Lebanese army | - | LBN | MIL
the Jordanian army | - | JOR | MIL
Yemeni government forces | - | YEM | MIL
the Russian defence ministry | - | RUS | MIL
Russia's defence ministry | - | RUS | MIL
the Indian defence minister | - | IND | MIL
the Israeli defense minister | - | ISR | MIL
the Pentagon | - | USA | MIL
NATO troops | - | - | IGO
UN peacekeepers | - | - | IGO
Russian paratroopers | - | RUS | MIL
Ukrainian marines | - | UKR | MIL
Indian border guards | - | IND | COP
Chinese border troops | - | CHN | MIL
a Pakistani general | - | PAK | MIL
the Egyptian military junta | - | EGY | MIL
Myanmar's military junta | - | MMR | MIL
the Burmese military | - | MMR | MIL
# --- police, security, justice, legislatures
Kenyan police | - | KEN | COP
Indian police | - | IND | COP
police in Pakistan | - | PAK | COP
French police | - | FRA | COP
British police | - | GBR | COP
German police | - | DEU | COP
Turkish police | - | TUR | COP
Israeli police | - | ISR | COP
Egyptian police | - | EGY | COP
Hong Kong police | - | HKG | COP
Chinese police | - | CHN | COP
Russian police | - | RUS | COP
Belarusian riot police | - | BLR | COP
Iranian security forces | - | IRN | MIL
Mexican police officers | - | MEX | COP
Brazilian police | - | BRA | COP
Chilean police | - | CHL | COP
Colombian police | - | COL | COP
Nigerian police | - | NGA | COP
South African police | - | ZAF | COP
Ugandan police | - | UGA | COP
Zimbabwean police | - | ZWE | COP
Indonesian police | - | IDN | COP
Philippine police | - | PHL | COP
Bangladeshi police | - | BGD | COP
Sri Lankan police | - | LKA | COP
Thai police | - | THA | COP
the FBI | - | USA | COP
FBI agents | - | USA | COP
the Russian Supreme Court | - | RUS | JUD
a Turkish court | - | TUR | JUD
an Iranian court | - | IRN | JUD
Egyptian prosecutors | - | EGY | JUD
the Indian Supreme Court | - | IND | JUD
a Pakistani judge | - | PAK | JUD
the Brazilian Supreme Court | - | BRA | JUD
Israeli judges | - | ISR | JUD
a Chinese court | - | CHN | JUD
the German constitutional court | - | DEU | JUD
the South African constitutional court | - | ZAF | JUD
the Iraqi parliament | - | IRQ | LEG
the Ukrainian parliament | - | UKR | LEG
Ukraine's parliament | - | UKR | LEG
the Turkish parliament | - | TUR | LEG
the Iranian parliament | - | IRN | LEG
Iranian lawmakers | - | IRN | LEG
the German parliament | - | DEU | LEG
the Bundestag | - | DEU | LEG
the Russian parliament | - | RUS | LEG
Russian lawmakers | - | RUS | LEG
US lawmakers | - | USA | LEG
American senators | - | USA | LEG
the US Congress | - | USA | LEG
the U.S. Senate | - | USA | LEG
Japanese lawmakers | - | JPN | LEG
the Kenyan parliament | - | KEN | LEG
the Nigerian senate | - | NGA | LEG
the Israeli parliament | - | ISR | LEG
the Knesset | - | ISR | LEG
Lebanese legislators | - | LBN | LEG
the Polish parliament | - | POL | LEG
# --- intelligence
the CIA | - | USA | SPY
CIA officers | - | USA | SPY
US intelligence | - | USA | SPY
U.S. intelligence officials | - | USA | SPY
American intelligence agencies | - | USA | SPY
Russian intelligence | - | RUS | SPY
the FSB | - | RUS | SPY
FSB officers | - | RUS | SPY
the GRU | - | RUS | SPY
Russian military intelligence | - | RUS | SPY
the SVR | - | RUS | SPY
MI6 | - | GBR | SPY
British intelligence | - | GBR | SPY
the Mossad | - | ISR | SPY
Mossad agents | - | ISR | SPY
Israeli intelligence | - | ISR | SPY
the ISI | - | PAK | SPY
Pakistani intelligence | - | PAK | SPY
Indian intelligence | - | IND | SPY
Chinese spies | - | CHN | SPY
a Chinese spy | - | CHN | SPY
Iranian intelligence | - | IRN | SPY
Turkish intelligence | - | TUR | SPY
South Korean intelligence | - | KOR | SPY
German intelligence | - | DEU | SPY
French intelligence | - | FRA | SPY
# --- rebels, militants, armed groups
the Taliban | 2015-01-01 | AFG | REB
Taliban fighters | 2015-01-01 | AFG | REB
the Taliban | 2022-01-01 | AFG | GOV
Boko Haram | - | NGA | REB
Boko Haram fighters | - | NGA | REB
Boko Haram militants | - | NGA | REB
al-Shabaab | - | SOM | REB
al-Shabaab militants | - | SOM | REB
Hamas | - | PSE | REB
Hamas militants | - | PSE | REB
Hezbollah | - | LBN | REB
the Houthis | - | YEM | REB
Houthi rebels | - | YEM | REB
Yemen's Houthi rebels | - | YEM | REB
the FARC | - | COL | REB
FARC rebels | - | COL | REB
the ELN | - | COL | REB
the PKK | - | TUR | REB
PKK militants | - | TUR | REB
the Islamic State | - | - | REB
Islamic State fighters | - | - | REB
ISIS militants | - | - | REB
Wagner mercenaries | - | RUS | UAF
the Wagner Group | - | RUS | UAF
Syrian rebels | - | SYR | REB
Libyan rebels | - | LBY | REB
Congolese rebels | - | COD | REB
M23 rebels | - | COD | REB
Kurdish militants | - | - | REB
Pakistani militants | - | PAK | REB
Afghan insurgents | - | AFG | REB
Iraqi insurgents | - | IRQ | REB
Malian jihadists | - | MLI | REB
Somali militants | - | SOM | REB
Nigerian militants | - | NGA | REB
Colombian guerrillas | - | COL | REB
Filipino rebels | - | PHL | REB
Abu Sayyaf gunmen | - | PHL | REB
Tuareg separatists | - | - | REB
pro-Russian separatists | - | - | REB
Ukrainian separatists | - | UKR | REB
unidentified gunmen | - | - | UAF
armed men | - | - | UAF
a suicide bomber | - | - | REB
a militia | - | - | UAF
Iraqi militias | - | IRQ | UAF
Iran-backed militias | - | - | UAF
Sudan's Rapid Support Forces | - | SDN | REB
the RSF | - | SDN | REB
the Tigray People's Liberation Front | - | ETH | OPP
the Tigray People's Liberation Front | 2015-06-01 | ETH | PTY
TPLF fighters | - | ETH | REB
the Arakan Army | - | MMR | REB
the YPG | - | SYR | REB
Hayat Tahrir al-Sham | - | SYR | REB
Jaish-e-Mohammed | - | PAK | REB
the Balochistan Liberation Army | - | PAK | REB
Kataib Hezbollah | - | IRQ | UAF
the IRGC | - | IRN | MIL
Iran's Revolutionary Guards | - | IRN | MIL
the Revolutionary Guards | - | IRN | MIL
# --- international organisations
the United Nations | - | - | IGO
the UN | - | - | IGO
the U.N. Security Council | - | - | IGO
the UN Security Council | - | - | IGO
UN Secretary-General | - | - | IGO
the UN refugee agency | - | - | IGO
UNHCR | - | - | IGO
UNICEF | - | - | IGO
the World Health Organization | - | - | IGO
the WHO | - | - | IGO
the IAEA | - | - | IGO
the UN nuclear watchdog | - | - | IGO
the International Monetary Fund | - | - | IGO
the IMF | - | - | IGO
the World Bank | - | - | IGO
the WTO | - | - | IGO
the European Union | - | - | IGO
the EU | - | - | IGO
the European Commission | - | - | IGO
EU foreign ministers | - | - | IGO
the European Parliament | - | - | IGO
the European Central Bank | - | - | IGO
NATO | - | - | IGO
NATO Secretary General | - | - | IGO
the African Union | - | - | IGO
African Union troops | - | - | IGO
ASEAN | - | - | IGO
the Arab League | - | - | IGO
the OSCE | - | - | IGO
the OPEC | - | - | IGO
OPEC | - | - | IGO
ECOWAS | - | - | IGO
the Organization of American States | - | - | IGO
the Gulf Cooperation Council | - | - | IGO
the International Criminal Court | - | - | IGO
the ICC | - | - | IGO
the International Court of Justice | - | - | IGO
the UN Human Rights Council | - | - | IGO
the G20 | - | - | IGO
UN envoy | - | - | IGO
the UN envoy for Syria | - | - | IGO
UN human rights experts | - | - | IGO
# --- NGOs and media and civilians
Human Rights Watch | - | - | NGO
Amnesty International | - | - | NGO
the Red Cross | - | - | NGO
Doctors Without Borders | - | - | NGO
the Committee to Protect Journalists | - | - | NGO
the Syrian Observatory for Human Rights | - | - | NGO
Reuters | - | GBR | MED
the Associated Press | - | USA | MED
Chinese state media | - | CHN | MED
Iranian state media | - | IRN | MED
North Korean state media | - | PRK | MED
Russian state television | - | RUS | MED
Syrian state news agency SANA | - | SYR | MED
TASS | - | RUS | MED
Al Jazeera | - | QAT | MED
the BBC | - | GBR | MED
Yonhap | - | KOR | MED
a British journalist | - | GBR | MED
an American journalist | - | USA | MED
Turkish journalists | - | TUR | MED
Iraqi civilians | - | IRQ | CVL
Syrian civilians | - | SYR | CVL
Palestinian civilians | - | PSE | CVL
Afghan civilians | - | AFG | CVL
Yemeni civilians | - | YEM | CVL
Ukrainian civilians | - | UKR | CVL
Syrian refugees | - | SYR | REF
Rohingya refugees | - | - | REF
Afghan refugees | - | AFG | REF
Venezuelan migrants | - | VEN | REF
Pakistani students | - | PAK | EDU
Chinese students | - | CHN | EDU
Iranian students | - | IRN | EDU
Kenyan teachers | - | KEN | EDU
Indian farmers | - | IND | AGR
French farmers | - | FRA | AGR
Nigerian doctors | - | NGA | HLH
Korean doctors | - | - | HLH
British nurses | - | GBR | HLH
South African workers | - | ZAF | LAB
Argentine unions | - | ARG | LAB
Chilean miners | - | CHL | LAB
Catholic bishops | - | - | REL
Iranian clerics | - | IRN | REL
Egyptian businessmen | - | EGY | BUS
Chinese companies | - | CHN | BUS
a Russian oligarch | - | RUS | ELI
Japanese investors | - | JPN | BUS
Mexican drug cartels | - | MEX | CRM
Colombian drug traffickers | - | COL | CRM
Haitian gangs | - | HTI | CRM
Somali pirates | - | SOM | CRM
# --- countries, capitals, seats of power
Russia | - | RUS | -
Iran | - | IRN | -
the United States | - | USA | -
the US | - | USA | -
Britain | - | GBR | -
the United Kingdom | - | GBR | -
North Korea | - | PRK | -
South Korea | - | KOR | -
Burma | - | MMR | -
Swaziland | - | SWZ | -
Zaire | - | COD | -
Kosovo | - | XKX | -
Taiwan | - | TWN | -
Ivory Coast | - | CIV | -
the Czech Republic | - | CZE | -
Moscow | - | RUS | GOV
Washington | - | USA | GOV
Beijing | - | CHN | GOV
Tehran | - | IRN | GOV
Kyiv | - | UKR | GOV
Kiev | - | UKR | GOV
Ankara | - | TUR | GOV
New Delhi | - | IND | GOV
Islamabad | - | PAK | GOV
Pyongyang | - | PRK | GOV
Seoul | - | KOR | GOV
Tokyo | - | JPN | GOV
Paris | - | FRA | GOV
Berlin | - | DEU | GOV
London | - | GBR | GOV
Riyadh | - | SAU | GOV
Damascus | - | SYR | GOV
Baghdad | - | IRQ | GOV
Cairo | - | EGY | GOV
Caracas | - | VEN | GOV
Havana | - | CUB | GOV
Minsk | - | BLR | GOV
Tbilisi | - | GEO | GOV
Nairobi | - | KEN | GOV
Addis Ababa | - | ETH | GOV
the Kremlin | - | RUS | GOV
the White House | - | USA | GOV
Downing Street | - | GBR | GOV
the Elysee | - | FRA | GOV
Zhongnanhai | - | CHN | GOV
the Blue House | - | KOR | GOV
# --- possessives and of-phrases
Russia's military | - | RUS | MIL
China's foreign ministry | - | CHN | GOV
Iran's supreme leader | - | IRN | GOV
Turkey's president | - | TUR | GOV
Syria's government | - | SYR | GOV
Israel's army | - | ISR | MIL
Egypt's president | - | EGY | GOV
Pakistan's army chief | - | PAK | MIL
India's foreign minister | - | IND | GOV
Japan's defence ministry | - | JPN | MIL
Saudi Arabia's crown prince | - | SAU | GOV
Venezuela's opposition | - | VEN | OPP
Ukraine's armed forces | - | UKR | MIL
the president of France | - | FRA | GOV
the army of Sudan | - | SDN | MIL
the government of Mali | - | MLI | GOV
the police of Kenya | - | KEN | COP
the parliament of Georgia | - | GEO | LEG
the people of Gaza | - | - | CVL
# --- role nouns with no country
the president | - | - | GOV
the ministry | - | - | GOV
the rebels | - | - | REB
police | - | - | COP
soldiers | - | - | MIL
the army | - | - | MIL
protesters | - | - | CVL
demonstrators | - | - | CVL
militants | - | - | REB
lawmakers | - | - | LEG
a court | - | - | JUD
the ambassador | - | - | GOV
the foreign minister | - | - | GOV
refugees | - | - | REF
journalists | - | - | MED
civilians | - | - | CVL
students | - | - | EDU
# --- regions name no country; unknown names stay unresolved
Latin American leaders | - | - | GOV
Middle East diplomats | - | - | GOV
European officials | - | - | GOV
African troops | - | - | MIL
Western diplomats | - | - | GOV
Arab leaders | - | - | GOV
Zorblat Quimby | - | - | -
the Glorbnik Front | - | - | -
Mr. Xanthopoulos-Vree | - | - | -
the blue committee | - | - | -
# --- sponsors and sympathies name no country of the actor
US-backed forces | - | - | MIL
Iranian-backed militias | - | - | UAF
anti-American protesters | - | - | CVL
pro-government militias | - | - | UAF
Russian-backed separatists | - | - | REB
the Taliban-allied Haqqani network | - | AFG | REB
Iran-backed Houthi rebels | - | YEM | REB
# --- names of organisations read on past a preposition or a hyphen
Hayat Tahrir al-Sham | 2020-01-01 | SYR | REB
Hayat Tahrir al-Sham | 2024-12-20 | SYR | GOV
the Organisation of Islamic Cooperation | - | - | IGO
# --- where ordinary people, courts and police are is their country; officials abroad are not
people in Kabul | - | AFG | CVL
refugees from Syria | - | SYR | REF
a court in Bishkek | - | KGZ | JUD
Syrian refugees in Turkey | - | SYR | REF
the ambassador in Moscow | - | - | GOV
troops in Syria | - | - | MIL
the Russian embassy in London | - | RUS | GOV
# --- quantities, appositions, lists
thousands of Syrian refugees | - | SYR | REF
three of the soldiers | - | - | MIL
dozens of Iraqi protesters | - | IRQ | CVL
The United States, India and Israel | - | USA | -
Mohammad Radmanish, an Afghan defence spokesperson | - | AFG | MIL
US defense officials | - | USA | MIL
a Pentagon official | - | USA | MIL
Troops from the United States | - | USA | MIL
diplomats from Poland | - | POL | GOV
Authorities in Pakistan | - | PAK | GOV
the new government in Greece | - | GRC | GOV
US officials in Baghdad | - | USA | GOV
Russian diplomats in London | - | RUS | GOV
German State Prosecutors | - | DEU | JUD
# --- a known surname inside someone else's name is not that person
Gul Rahman | - | - | -
Odin Sanchez | - | - | -
Abdullah Gul | 2010-01-01 | TUR | GOV
Vladimir Vladimirovich Putin | 2015-01-01 | RUS | GOV
Department of State Services | - | NGA | SPY
the Department of State | - | USA | GOV
# --- names the parser cut off the head, opposition, legislative titles
IAEA chief Rafael Grossi | - | - | IGO
Haftar's forces | 2019-06-01 | LBY | MIL
Israeli opposition leader Yair Lapid | 2019-06-01 | ISR | OPP
Senate Majority Leader Mitch McConnell | - | - | LEG
the Kurdistan Regional Government | - | IRQ | GOV
"""


def _rows() -> list[tuple[str, str, str, str]]:
    rows = []
    for line in CASES.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, day, country, sector = (cell.strip().strip("-") for cell in line.split("|"))
        rows.append((text, day, country, sector))
    return rows


ROWS = _rows()


def test_there_are_at_least_400_cases() -> None:
    assert len(ROWS) >= 400
    assert sum(1 for row in ROWS if row[1]) >= 60  # dated cases


@pytest.mark.parametrize(
    ("text", "day", "country", "sector"),
    ROWS,
    ids=[r[0] + (f"@{r[1]}" if r[1] else "") for r in ROWS],
)
def test_phrase(coder: Coder, text: str, day: str, country: str, sector: str) -> None:
    actor = resolve_phrase(text, date=day, nlp=coder.nlp, lexicon=coder.actor_lexicon)
    assert (actor.country, actor.sector) == (country, sector), actor
    expected_code = f"{country}{sector}" if not actor.entry else actor.code
    assert actor.code == expected_code
    assert actor.text == text


@pytest.mark.parametrize(
    "text", ["Zorblat Quimby", "the Glorbnik Front", "Mr. Xanthopoulos-Vree", "", "   ", "said"]
)
def test_unknown_names_stay_unresolved(coder: Coder, text: str) -> None:
    actor = resolve_phrase(text, nlp=coder.nlp)
    assert actor.code == "" and actor.country == ""
    assert actor.confidence < 0.3


@pytest.mark.parametrize("text", ["Xylandian rebels", "Glorbnik police", "the Quimby ministry"])
def test_what_is_recognised_is_kept_with_low_confidence(coder: Coder, text: str) -> None:
    actor = resolve_phrase(text, nlp=coder.nlp)
    assert actor.country == "" and actor.sector
    assert actor.confidence < 0.5


def test_confidence_orders_named_over_role_only(coder: Coder) -> None:
    named = resolve_phrase("Sergei Lavrov", nlp=coder.nlp)
    demonym_role = resolve_phrase("Russian diplomats", nlp=coder.nlp)
    role = resolve_phrase("diplomats", nlp=coder.nlp)
    assert named.confidence > demonym_role.confidence > role.confidence
    assert named.name == "Sergei Lavrov" and named.entry == "person:Sergei Lavrov"
    assert resolve_phrase("Donald Trump", nlp=coder.nlp).wikidata == "Q22686"


@pytest.mark.parametrize(
    ("text", "context", "code"),
    [
        ("the foreign minister", "Talks opened in Nairobi on Monday.", "KENGOV"),
        ("police", "Protests spread across Chile after the vote.", "CHLCOP"),
        ("the army", "Fighting continued in northern Ethiopia.", "ETHMIL"),
        ("the rebels", "The Colombian government resumed talks.", "COLREB"),
        ("the ministry", "Kenya and Uganda signed a deal.", "GOV"),  # two countries: none
        ("the ministry", "", "GOV"),
        ("Russian troops", "Ukraine said the attack failed.", "RUSMIL"),  # own country wins
        ("the UN envoy", "Talks on Syria resumed in Geneva.", "IGOUNO"),  # IGOs keep theirs
    ],
)
def test_context_settles_a_missing_country(
    coder: Coder, text: str, context: str, code: str
) -> None:
    actor = resolve_phrase(text, context=context, nlp=coder.nlp)
    assert actor.code == code
    alone = resolve_phrase(text, nlp=coder.nlp)
    if actor.country and not alone.country:
        assert actor.confidence < alone.confidence


def test_the_date_is_the_day_of_the_mention(coder: Coder) -> None:
    before = resolve_phrase("Donald Trump", date="2017-01-19", nlp=coder.nlp)
    after = resolve_phrase("Donald Trump", date="2017-01-20", nlp=coder.nlp)
    assert (before.code, after.code) == ("USAELI", "USAGOV")


@pytest.mark.parametrize(
    ("text", "day", "code"),
    [
        ("Antonio Guterres", "2020-05-01", "IGOUNO"),
        ("NATO Secretary General Jens Stoltenberg", "2019-05-01", "IGONATO"),
        ("Jens Stoltenberg", "2026-03-01", "NORGOV"),  # Norway's finance minister again
        ("IAEA chief Rafael Grossi", "2023-05-01", "IGOIAEA"),
        ("Christine Lagarde", "2015-05-01", "IGOIMF"),
        ("Christine Lagarde", "2021-05-01", "IGOEU"),
    ],
)
def test_a_post_in_an_organisation_codes_the_organisation(
    coder: Coder, text: str, day: str, code: str
) -> None:
    actor = resolve_phrase(text, date=day, lexicon=coder.actor_lexicon, nlp=coder.nlp)
    assert actor.code == code
