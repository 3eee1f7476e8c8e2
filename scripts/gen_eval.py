#!/usr/bin/env python3
"""Generate fixtures/eval/: a labelled development corpus for spamscan.

Every page is synthetic: honest base articles written for this project (a few are the
articles of fixtures/cases/), rendered through several page templates, with injections of
every spam family the built-in packs cover, in the placements and encodings seen on hacked
sites. Clean pages include the hard cases (pages fully in other scripts, glosses, names,
quotations with translations, language switchers, bilingual pages, honest articles about
gambling, loans and medicines, wrong <html lang>, hidden honest menus, legacy charsets);
suspicious pages are clean-up write-ups that quote spam inside <pre>/<code>.

Deterministic: one fixed seed, files written in sorted order, no timestamps. Python 3
standard library only.

Usage (from the repository root):

    python3 scripts/gen_eval.py [--out fixtures/eval]

Writes the documents, labels.tsv (file, verdict, must_flag; the format of
fixtures/cases/expected.tsv) and an identical expected.tsv, the name that
../shared/tools/check-cases reads:

    ../shared/tools/check-cases --cases fixtures/eval --clean -

must_flag lists the injected strings a scanner must cover, written decoded (no entities,
half-width, no zero-width characters), ` | `-separated; `-` for none.
"""
import argparse
import hashlib
import html
import os
import random
import re
import sys
import unicodedata

SEED = 20241130

# ---------------------------------------------------------------------------------------
# Honest base articles.
#
# Body syntax: blocks separated by blank lines; "## " starts a section heading; a block
# whose lines all start with "- " is a list; "[xx] " before a paragraph marks its language
# on bilingual pages.
# ---------------------------------------------------------------------------------------

ARTICLES = {}


def article(key, lang, kind, site, author, date, tag, title, desc, keywords, body):
    sections = [{"h": None, "blocks": []}]
    for block in body.strip().split("\n\n"):
        block = block.strip()
        if block.startswith("## "):
            sections.append({"h": block[3:].strip(), "blocks": []})
            continue
        lines = [l.strip() for l in block.split("\n")]
        if all(l.startswith("- ") for l in lines):
            sections[-1]["blocks"].append(("list", None, [l[2:] for l in lines]))
            continue
        text = " ".join(lines)
        plang = None
        m = re.match(r"\[([a-z]{2})\] ", text)
        if m:
            plang, text = m.group(1), text[m.end():]
        sections[-1]["blocks"].append(("p", plang, text))
    if not sections[0]["blocks"]:
        sections.pop(0)
    ARTICLES[key] = dict(key=key, lang=lang, kind=kind, site=site, author=author, date=date,
                         tag=tag, title=title, desc=desc, keywords=keywords, sections=sections)


# --- English -----------------------------------------------------------------------------

article("tram", "en", "plain", "Lindenport Evening Post", "Martha Quayle", "2024-03-02",
        "Transport",
        "Lindenport's Blue Line Tram Opens to Cheering Crowds After Six Years of Work",
        "The city's first tram route since 1961 opened on Saturday with a brass band and free rides until Sunday.",
        "tram, Blue Line, Lindenport, transport, council", """
At 5:42 on Saturday morning, a pale blue tram eased out of the Harbour Depot with its doors open, its bell ringing and a brass band squeezed into the front car. By the time it reached Market Cross eleven minutes later, several hundred people were waiting on the platform, many of them waving paper flags handed out by volunteers from the Lindenport Civic Society.

The Blue Line is the city's first tram route since the old network closed in 1961. It runs 9.6 kilometres from the harbour to the university campus at Northfield, with fourteen stops and a depot large enough for the sixteen low-floor vehicles the city has bought so far.

"My grandmother used to tell me about the old trams," said Priya Okonkwo, 34, who brought her two sons to ride the first service. "Now they get to tell their own grandchildren about the new ones."

## A Line Six Years in the Making

Work began in the spring of 2018, and it has not always gone smoothly. Engineers found an uncharted Victorian sewer under Castle Street in 2019, and the pandemic halted construction for almost five months. The final cost, £412 million, is about 18 per cent above the original estimate.

Councillor Tomas Reyes, who chairs the transport committee, did not hide from the figure at the opening ceremony. "We went over budget, and we owe people an honest account of why," he said.

## Fares, Frequencies and a Few Complaints

Single tickets cost £2.40 and are valid for 90 minutes, including transfers to the city's bus network. Trams run every six minutes at peak times and every ten minutes in the evening.

Not everyone is celebrating. Shopkeepers on Castle Street say two years of roadworks cost them customers who have not come back, and residents near the Wharf Lane stop have complained about the squeal of wheels on the tight curve beside the old customs house.

## What Comes Next

A second route, the Green Line, is planned to link the railway station with the hospital and the new housing at Fenwick Fields. Lindenport Transit is offering free travel on the Blue Line until Sunday evening.
""")

article("garden", "en", "plain", "Riverside Community Garden", "Ines Carvalho", "2024-03-14",
        "Volunteering", "Spring Volunteer Days",
        "Join the Riverside Community Garden for spring planting, compost workshops and Saturday work parties.",
        "community garden, volunteering, compost, allotment", """
## Who we are

The garden started in 2011 on a strip of wasteland between the railway embankment and the river path. Today it has 42 raised beds, a small orchard of heritage apples and a tool shed that is, frankly, too small.

## Spring planting days

Every Saturday from 23 March to 27 April we meet at 10:00 by the blue gate. We will be sowing peas and broad beans, dividing the rhubarb and repairing the willow fence that the February storms knocked over.

No experience is needed. Bring gloves if you have them; we have spares if you do not. Tea and flapjacks are on us.

## Compost workshop

On 6 April our compost champion, Derek Mwangi, will show how to build a three-bay system from old pallets and why the secret is mostly patience and cardboard.

## How to join

Just turn up, or email volunteers@riverside-garden.example so we know how many mugs to wash. Under-16s are welcome with an adult.
""")

article("sourdough", "en", "plain", "Small Pot Kitchen", "June Harlow", "2024-01-17", "Baking",
        "How to Revive a Neglected Sourdough Starter",
        "A month-old starter at the back of the fridge can usually be saved in three feeds.",
        "sourdough, starter, baking, bread", """
If your starter has been sitting at the back of the fridge for a month, do not throw it away. Pour off the grey liquid, take one tablespoon of what is left and feed it equal weights of flour and lukewarm water. Repeat every twelve hours. Most starters are bubbling again by the third feed.

## What you need

- 1 tablespoon of old starter
- 50 g flour, white or rye
- 50 g lukewarm water
- a clean jar and a rubber band

## Speeding things up

Rye flour wakes a sluggish starter faster than white flour, but it also makes it smell sharper. Switch back to your usual flour once it doubles reliably. Keep the jar somewhere warm, around 24 degrees; the top of the fridge is often perfect.

## When to give up

If you see pink or orange streaks, or fuzzy mould on the surface, start again. A grey liquid layer or a smell of nail-polish remover only means the starter is hungry.
""")

article("cider", "en", "plain", "Orchard Notes", "Tomasz Wierzbicki", "2023-10-08", "Drinks",
        "Pressing Your First Batch of Apple Cider at Home",
        "No press? Freeze the apples, squeeze through muslin and ferment somewhere cool.",
        "cider, apples, home brewing, autumn", """
You do not need a proper press for a first attempt. Chop the apples small, freeze them overnight, then let them thaw in a clean bucket: the ice crystals break the cell walls and the juice runs out far more easily when you squeeze the pulp through a muslin bag.

## Choosing apples

Aim for a mix of sweet and sharp apples, roughly two to one. Windfalls are fine as long as you cut away the bruised parts. Twenty kilograms of fruit gives about ten litres of juice.

## Fermenting

Leave the juice to ferment somewhere cool, around 15 degrees, with an airlock on the demijohn. It will be dry and still after about three weeks.

If you want a sparkling cider, add a teaspoon of sugar to each bottle before capping and leave them at room temperature for a week. Use proper swing-top bottles; ordinary wine bottles can burst.
""")

article("museum", "en", "plain", "Halvorsen Maritime Museum", "Visitor Services", "2024-05-01",
        "Visit", "Plan Your Visit",
        "Opening hours, tickets, directions and accessibility at the Halvorsen Maritime Museum.",
        "museum, maritime, opening hours, tickets", """
The museum is open every day from 10:00 to 17:00, and until 20:00 on Thursdays. The last entry is 45 minutes before closing.

## Tickets

Adults 140 kroner, students 90 kroner, children under 16 free. Your ticket includes the restored steam tug in the harbour basin, weather permitting.

## Getting here

Take harbour ferry 3 to Skipsbryggen, or walk twenty minutes along the waterfront from the central station. There is no visitor parking.

## Accessibility

All galleries are step-free. The tug itself can only be reached by a steep gangway; a video tour is shown in the boathouse instead.
""")

article("beijing", "en", "gloss", "The Unhurried Traveller", "Clara Lindqvist", "2024-09-09",
        "Travel", "Three Slow Days in Beijing",
        "A relaxed three-day itinerary for Beijing: lakes, parks, hutongs and the Summer Palace.",
        "Beijing, travel, itinerary, hutong, Summer Palace", """
Most first-time visitors try to see everything in Beijing in a weekend and go home exhausted. This itinerary does less, on purpose, and leaves time for tea, naps and getting a little lost.

## Day one: the lakes and the hutongs

Start at Houhai (后海), the largest of the three connected lakes north of the Forbidden City, and walk clockwise around the shore before the day gets hot. From there, wander into the narrow alleys known as hutongs (胡同); the lanes around Nanluoguxiang (南锣鼓巷) are busy, but the quieter ones just east of them still have courtyard homes and neighbourhood noodle shops.

## Day two: the Summer Palace

Give the Summer Palace (颐和园) a whole day. Take a boat across Kunming Lake (昆明湖), climb Longevity Hill (万寿山) for the view, and walk the Long Corridor (长廊), whose painted beams show more than fourteen thousand scenes.

## Day three: parks and the Temple of Heaven

In the morning, join the retirees practising tai chi and ballroom dancing at the Temple of Heaven (天坛). In the late afternoon, climb the small hill in Jingshan Park (景山公园) for a view straight down the axis of the palace roofs as the sun sets.

Practical tip: carry your passport, as most major sights ask for it when you buy or collect tickets.
""")

article("kimchi", "en", "gloss", "Small Pot Kitchen", "June Harlow", "2024-02-02", "Recipes",
        "What to Do With Over-Fermented Kimchi",
        "Sour kimchi is not a problem: it is what Korean cooks use for stew, fried rice and pancakes.",
        "kimchi, Korean food, stew, recipes", """
If a jar of kimchi has been sitting in your fridge for a couple of months, it has probably turned very sour and a little fizzy. That is not a problem. Sour kimchi is exactly what Korean cooks reach for when they make stew.

## Kimchi stew

The classic use is kimchi-jjigae (김치찌개), a bubbling stew of old kimchi, pork belly and tofu. Fry 200 grams of sliced pork belly in a heavy pot until the fat runs, add two cups of chopped kimchi and a spoonful of chilli paste (고추장), then pour in enough water or anchovy stock to cover. Simmer for twenty minutes, add cubes of soft tofu and a sliced spring onion, and serve with plenty of rice.

## Kimchi fried rice

Day-old rice, a handful of chopped kimchi, a splash of its juice and a fried egg on top. It takes ten minutes and uses up the last scrapings of the jar.

## Kimchi pancakes

Stir chopped kimchi into a thin batter of flour and cold water, fry in palm-sized rounds until crisp at the edges, and dip in soy sauce with a little rice vinegar. In Korea these are called kimchijeon (김치전), and they are a favourite on rainy days.
""")

article("headache", "en", "topic", "Westfield Health Notes", "Dr Amara Nwosu", "2024-06-04",
        "Medicines", "Why Some Medicines Give You a Headache",
        "Headaches are a common side effect of several everyday medicines. Here is why, and when to talk to your doctor.",
        "headache, side effects, medicines, sildenafil, nitrates", """
Headache is one of the most frequently reported side effects in medicine leaflets. In most cases it is mild, starts within the first few days of a new treatment and fades as the body adjusts.

## Medicines that widen blood vessels

Drugs that relax and widen blood vessels often cause a throbbing headache, because the vessels around the brain widen too. Nitrates used for angina are the classic example. Sildenafil, prescribed for erectile dysfunction and for some forms of pulmonary hypertension, works in a similar way, and headache, flushing and a blocked nose are its most common side effects. Tadalafil, sold as Cialis, lasts longer but has a similar profile.

Never take sildenafil or tadalafil together with nitrates: the combination can cause a dangerous fall in blood pressure. Buying these medicines online without a prescription from an unregulated website is risky, because counterfeit tablets are common.

## Caffeine and painkillers

Taking painkillers on more than ten to fifteen days a month can lead to medication-overuse headache. Cutting down is the only cure, and it is best done with your doctor's help.

## When to get advice

Speak to a doctor or pharmacist if a headache is severe, lasts more than a few days, or comes with vision changes, chest pain or confusion. Never stop a prescribed medicine without advice.
""")

article("resort", "en", "topic", "Calder Bay Chronicle", "Fiona Ritchie", "2024-06-14",
        "Business", "Harbourlight Casino Resort Opens on Former Shipyard Site",
        "The casino resort on the old Calder shipyard opened on Friday after a decade of argument.",
        "casino resort, shipyard, jobs, licence, Calder Bay", """
The Harbourlight Casino Resort opened to the public on Friday evening on the site of the old Calder shipyard, ending a decade of argument over what should replace the cranes and dry docks that once employed four thousand people.

The complex includes a 310-room hotel, a conference centre, four restaurants and a casino floor of roughly 6,500 square metres with 120 gaming tables. The operator, Meridian Leisure Group, says the resort has created 1,150 permanent jobs, about a third of them filled by people from the surrounding districts.

## A Long Road to Approval

The casino licence was granted in 2019 after two public inquiries. Opponents argued that a casino would bring problem gambling to an area that was already struggling, and a residents' group collected more than 9,000 signatures against the plan.

As a condition of the licence, Meridian must pay 1.5 per cent of casino revenue into a local fund for addiction support services and youth programmes. The company has also agreed to keep the casino floor closed to anyone under 21 and to train all gaming staff to spot signs of harm.

## Mixed Feelings on Opening Night

Outside the main entrance, former welder Duncan Moray, 66, looked up at the restored crane that now carries the resort's name in lights. "I spent thirty years under that crane," he said. "I never thought I'd see it over a casino. But it's better than an empty yard."

Inside, the mood was upbeat. The first hand of blackjack was dealt at 19:00 by the resort's longest-serving employee, who was hired as a trainee dealer two years before the building was finished.
""")

article("olive", "en", "quote", "Aegean Food Journal", "Eleni Markaki", "2024-11-20", "Food",
        "The Last Olive Press in Agios Nikolaos Valley",
        "On Crete, one family-run press still handles the whole valley's harvest.",
        "olive oil, Crete, harvest, olive press", """
The harvest on this part of Crete starts when the first cold wind comes down from the mountains, and this year it came early. By the second week of November, families were spreading green nets under their trees from dawn, beating the branches with long sticks and carrying full sacks down to the last working press in the valley.

The press belongs to Manolis Daskalakis, who is 71 and has run it since his father's knees gave out in 1979. Asked whether he plans to retire, he laughed and pointed at the queue of pickup trucks outside.

"Όσο υπάρχουν ελιές, θα υπάρχει και δουλειά." ("As long as there are olives, there will be work.")

## Modern Pressing, Old Habits

The machinery is newer than it looks: a two-phase centrifuge replaced the stone mill in 2006, which means less waste water and a cleaner oil. But some customs have not changed. Every family still brings bread on its first visit of the season, and the first oil from each batch is poured over a slice and eaten standing up, with a pinch of salt.

## A Smaller Harvest

Yields are down this year after a dry summer, about a third below average, and prices at the press have risen to around nine euros a litre. "People complain about the price," Daskalakis said, "and then they taste it."

Visitors can watch the press working on weekday mornings until mid-January.
""")

article("football", "en", "plain", "Quay Park Gazette", "Rob Tennant", "2024-04-28", "Sport",
        "Harbour Athletic Clinch Promotion on a Nervy Final Day",
        "A late header from captain Sean Doyle sent Harbour Athletic up to the Northern Premier Division.",
        "football, Harbour Athletic, promotion, non-league", """
Harbour Athletic will play in the Northern Premier Division next season after a 2-1 win at Millbrook Rovers on Saturday, secured by a late header from captain Sean Doyle.

Needing a win to finish above Castlegate Town, the visitors fell behind after twelve minutes when Rovers striker Kofi Mensah turned in a low cross at the near post. The 600 travelling supporters, packed behind the goal, went quiet for the rest of the half.

## A Change at Half-Time

Manager Elaine Fraser switched to three at the back and brought on eighteen-year-old winger Callum Reid, who had made only two league starts. Within six minutes of the restart Reid beat his full-back and crossed for Danny Okafor to volley the equaliser.

Castlegate were winning comfortably at home, so a draw would not have been enough. Athletic pressed, hit the post through Okafor and had a penalty appeal turned down before Doyle rose above two defenders to meet a corner in the 87th minute.

## Celebrations on the Pitch

"I have been at this club eleven years and I have never heard noise like that," Doyle said after fans spilled onto the pitch at the final whistle. "We did it the hard way, but we always do."

Promotion is worth about £90,000 in extra central funding, which the club says will go towards replacing the floodlights at Quay Park before the new season starts in August.
""")

article("comet", "en", "plain", "Skyward Science News", "Nadia Rahman", "2024-08-19", "Science",
        "Backyard Telescopes Help Track a Returning Comet",
        "Amateur astronomers are sending some of the most useful measurements of a comet last seen in 1952.",
        "comet, astronomy, amateur astronomers, Minor Planet Center", """
A comet last seen from Earth in 1952 has been spotted again, and some of the most useful measurements of its path are coming from amateur astronomers with telescopes in their gardens.

The comet, a ball of ice and dust about four kilometres across, swings around the Sun every 72 years. It was picked up in March by a survey telescope in Chile, but at that distance it was only a faint smudge, and its orbit could be calculated only roughly.

## Why Amateurs Matter

Professional observatories are booked months in advance, and few can spare the time to photograph one comet night after night. Members of amateur societies across Europe and South America have filled the gap, sending timed images to the Minor Planet Center, which combines observations from around the world.

"Every position we send narrows the uncertainty a little," said Helen Achterberg, who coordinates observations for a Dutch astronomy club. "Last week one of our members got a usable image through a gap in the clouds at half past four in the morning."

## When to Look

Astronomers expect the comet to be brightest in late October, when it may just be visible through binoculars low in the western sky after sunset. Whether it will become a naked-eye object depends on how much gas and dust it releases as it warms, which is notoriously hard to predict.
""")

article("ereader", "en", "plain", "Gadget Bench", "Owen Prichard", "2024-07-11", "Reviews",
        "Review: Pagewright 6 E-Reader",
        "The cheapest Pagewright is also the best choice for most readers. Our full review.",
        "e-reader, review, Pagewright, ebooks", """
The Pagewright 6 is the cheapest e-reader in its maker's range, and for most people who simply want to read novels in bed it is also the best one.

## Design and Screen

The six-inch screen has a resolution of 300 pixels per inch, which makes text as sharp as a printed paperback. The front light is even across the page, with no bright patches near the edges, and a new warm setting makes late-night reading noticeably easier on the eyes.

At 158 grams it is light enough to hold in one hand for an hour. The plastic back feels a little cheap and picks up fingerprints, but it has survived three weeks in a rucksack without a scratch.

## Battery and Software

We read for about an hour a day with wireless switched off and charged it only twice in a month. Page turns are quick, and the library view finally lets you sort books into collections without going through a menu three levels deep.

There is no physical page-turn button and no water resistance, both of which you get on the more expensive model.

## Verdict

If you read in the bath or by the pool, spend the extra. Otherwise the Pagewright 6 does everything that matters, and does it well. Score: 4 out of 5.
""")

article("council", "en", "plain", "Ashworth Courier", "Dev Malhotra", "2024-02-22",
        "Local government", "Council Budget Saves Library Hours but Raises Parking Charges",
        "Branch libraries keep their Saturday hours; car park charges rise to £1.50 an hour.",
        "council, budget, libraries, parking, council tax", """
Branch libraries in Ashworth will keep their Saturday opening hours after councillors voted on Wednesday night to approve a budget that closes a £3.2 million gap largely through higher parking charges and a freeze on new posts.

The original proposal would have shut four of the borough's seven branch libraries on Saturdays. More than 2,300 people responded to the consultation, and a petition organised by the Friends of Kelsey Road Library gathered 4,100 signatures.

## Where the Money Comes From

Hourly charges in council car parks will rise from £1.20 to £1.50 in April, which finance officers expect to raise £640,000 a year. Evening parking in the town centre, currently free, will cost a flat £2 after 6pm.

Council tax will go up by 4.99 per cent, the maximum allowed without a local referendum. For a Band D home that means an extra £1.63 a week.

## Opposition Concerns

Opposition councillor Margaret Ellis said the parking increase would hurt small shops that were still recovering from last year's roadworks. "We are protecting one service by damaging the high street," she said. The budget passed by 31 votes to 19.
""")

article("payday", "en", "topic", "Ashworth Courier", "Dev Malhotra", "2024-05-09", "Money",
        "Regulator Extends Price Cap on Short-Term Loans",
        "The cap on the cost of short-term credit stays for another five years after a review found it cut problem debt.",
        "payday loans, price cap, regulator, debt advice", """
The financial regulator will keep its cap on the cost of short-term credit for at least another five years, after a review found that the rules had cut the number of people falling into unmanageable debt.

Since the cap was introduced, lenders have been barred from charging more than 0.8 per cent a day in interest and fees, and no borrower can be asked to repay more than twice what they borrowed. The review found that complaints about payday loans had fallen by more than half.

## Fewer Lenders, Fewer Loans

The number of firms offering payday loans has dropped sharply, and several of the largest have closed. Consumer groups say some people with poor credit histories now struggle to borrow at all, and warn that unlicensed lenders are advertising on social media.

"Bad credit loans from an unregulated website can look like a lifeline, but you lose all your protections," said Grace Adeyemi of the debt advice charity StepAhead. She urged anyone in difficulty to contact their local credit union or a free advice service first.

## What Borrowers Should Check

Before taking out any loan, check that the lender appears on the regulator's register, read the total amount repayable rather than the weekly payment, and be wary of any firm that promises approval before it has looked at your circumstances.
""")

article("shanghai", "en", "gloss", "The Unhurried Traveller", "Clara Lindqvist", "2024-10-03",
        "Travel", "A Morning Food Walk in Shanghai",
        "Soup dumplings, pan-fried buns and the four heavenly kings of Shanghai breakfast.",
        "Shanghai, food, breakfast, xiaolongbao, travel", """
Shanghai (上海) rewards early risers. Before the office towers fill up, the old lanes of the city are already busy with breakfast stalls, and a slow walk from one to the next is the best introduction to the city's food.

## Soup dumplings and pan-fried buns

Start with xiaolongbao (小笼包), the pleated soup dumplings that the suburb of Nanxiang (南翔) claims to have invented. Bite a small hole, sip the broth, then eat the rest with a sliver of ginger and a dip of black vinegar.

A few streets away, queue for shengjian (生煎包), buns fried in a wide iron pan until their bottoms are crisp and then scattered with sesame seeds and spring onion. They are served scalding, so wait a minute before biting.

## The four heavenly kings

Locals call the classic breakfast foods the "four heavenly kings" (四大金刚): the fried dough stick youtiao (油条), the flatbread dabing (大饼), the sticky rice roll cifan (粢饭) and a bowl of warm soy milk (豆浆), sweet or savoury.

## Where to finish

End the walk at Yu Garden (豫园), which opens at 8:30. The gardens get crowded by ten, but in the first hour you can cross the zigzag bridge with only a few tour guides and their flags for company.
""")

article("chess", "en", "names", "Hollins Valley News", "Peter Aldous", "2024-03-25", "Community",
        "Youth Chess Championship Draws Record Entry",
        "A record 214 young players took part in the county youth chess championship.",
        "chess, youth, championship, schools", """
A record 214 players aged eight to eighteen took part in the county youth chess championship at Hollins School over the weekend, and the open section was not decided until the last game of the final round.

The title went to fifteen-year-old Lee Seo-yeon (이서연), who only moved to the area last year. She beat the top seed, Tanaka Haruto (田中陽翔), with the black pieces in a long endgame that finished shortly before six on Sunday evening.

"I was sure it was a draw for about an hour," said Lee, who learned the game from her grandfather in Daegu. "Then he made one small mistake with his king."

## Other sections

The under-twelve section was won by Zhang Wei (张伟) of Bramley Junior Chess Club with a perfect five out of five, and eleven-year-old Amira Haddad took the under-twelve girls' prize. The best school team was Hollins School itself, which the organisers insisted was a coincidence.

## Final standings, open section

- 1. Lee Seo-yeon 이서연 (Hollins School) 6/7
- 2. Tanaka Haruto 田中陽翔 (Bramley) 5.5/7
- 3. Oliver Brandt (St Anne's) 5/7
- 4. Chen Yuting 陈雨婷 (Kelsey Road) 5/7

## More volunteers needed

Entries have doubled since 2021, a rise the organisers put down to online chess and a popular television series. The county association is now looking for a bigger venue and more volunteer arbiters for next year.
""")

article("bookshop", "en", "quote", "Corner Bookshop", "Ruth Okafor", "2024-09-27", "Events",
        "Translators' Evening Fills Corner Bookshop",
        "Readings from Japanese, Chinese, Korean and Russian, with the translators explaining their choices.",
        "translation, readings, bookshop, events", """
More than sixty people squeezed between the shelves of the Corner Bookshop on Thursday for an evening of readings by literary translators working from Japanese, Chinese, Korean and Russian.

Anna Petrakis, who translates contemporary Japanese fiction, opened with a line of dialogue she said had taken her a week to get right:

「急がば回れ、とおばあちゃんはいつも言っていた。」 ("More haste, less speed, Grandma always used to say.")

She explained that the Japanese proverb literally advises taking the long way round when in a hurry, and that she had tried a dozen English versions before settling on the familiar one.

## Poems and proverbs

Daniel Cho read a short poem by a young Korean poet in both languages, beginning "바다는 아무 말도 하지 않았다" - "The sea said nothing at all." Mei Lin followed with a passage from a novel set in a Chengdu teahouse, where an old man tells his grandson "慢慢来，茶不会跑。" ("Take your time, the tea won't run away.")

## A memoir to finish

The evening ended with Sergei Volkov reading from a Russian memoir: «Мы жили бедно, но весело» - "We lived poorly, but cheerfully." Tickets for the next event, on Scandinavian crime fiction, go on sale next week.
""")

# --- German, French, Spanish, Portuguese, Polish ----------------------------------------

article("sommerfest", "de", "plain", "TSV Eichenau 1908 e.V.", "Der Vorstand", "2024-06-20",
        "Verein", "Einladung zum Sommerfest 2024",
        "Einladung zum Sommerfest des TSV Eichenau am 13. Juli 2024 auf dem Vereinsgelände.",
        "Sommerfest, TSV Eichenau, Verein, Fußballturnier", """
Liebe Mitglieder, liebe Freundinnen und Freunde des Vereins,

am Samstag, dem 13. Juli, feiern wir ab 14 Uhr unser Sommerfest auf dem Vereinsgelände an der Lindenstraße. Die Jugendabteilung veranstaltet ein Fußballturnier für alle Altersklassen, und die Turnabteilung zeigt um 16 Uhr ihre neue Vorführung.

## Essen und Getränke

Für Grillwürste, Salate und Kuchen ist gesorgt. Wer einen Kuchen spenden möchte, meldet sich bitte bis zum 8. Juli bei Sabine Krämer in der Geschäftsstelle.

## Helferinnen und Helfer gesucht

Für den Auf- und Abbau sowie den Getränkestand suchen wir noch Freiwillige. Eine Liste hängt im Vereinsheim aus. Jede Schicht dauert zwei Stunden.

Bei schlechtem Wetter findet das Fest in der Turnhalle statt. Wir freuen uns auf euch!
""")

article("fahrrad", "de", "plain", "Radalltag Magazin", "Jonas Berger", "2024-05-15", "Test",
        "Test: Das Pendlerrad Stadtfuchs 3 im Alltag",
        "Drei Wochen mit dem Stadtfuchs 3: solide Ausstattung, gute Bremsen, harter Sattel.",
        "Fahrrad, Test, Pendlerrad, Nabenschaltung", """
Drei Wochen lang sind wir mit dem Stadtfuchs 3 zur Arbeit gefahren, bei Sonne, Regen und einmal sogar bei Schneeregen. Das Fazit vorweg: Für Pendlerinnen und Pendler mit kurzen Strecken ist das Rad eine der besten Wahlen in seiner Preisklasse.

## Ausstattung

Der Aluminiumrahmen wiegt mit Schutzblechen, Gepäckträger und Nabendynamo rund 14 Kilogramm. Die Acht-Gang-Nabenschaltung schaltet sauber, auch unter Last am Berg, und braucht kaum Pflege.

Die Scheibenbremsen packen kräftig zu, lassen sich aber gut dosieren. Bei Nässe quietschten sie in den ersten Tagen, danach nicht mehr.

## Schwächen

Der Sattel ist für längere Fahrten zu hart, und der Seitenständer wackelt, sobald der Gepäckträger beladen ist. Ein Schloss liegt nicht bei.

## Fazit

Für 899 Euro bekommt man ein solides, wartungsarmes Alltagsrad. Wer täglich mehr als zwanzig Kilometer fährt, sollte dennoch über einen anderen Sattel nachdenken. Unsere Wertung: gut.
""")

article("tarte", "fr", "plain", "La Cuisine de Margot", "Margot Lefèvre", "2024-10-12",
        "Desserts", "Tarte fine aux pommes et au miel",
        "Une tarte fine prête en trente minutes avec une pâte feuilletée, quatre pommes et du miel.",
        "tarte aux pommes, dessert, miel, recette", """
Cette tarte se prépare en trente minutes avec une pâte feuilletée du commerce, quatre pommes et un peu de miel. C'est le dessert idéal pour un dimanche d'automne, quand on n'a pas envie de passer l'après-midi en cuisine.

## Ingrédients pour six personnes

- 1 rouleau de pâte feuilletée pur beurre
- 4 pommes acidulées, comme des reinettes
- 30 g de beurre
- 2 cuillerées à soupe de miel liquide
- 1 pincée de cannelle

## Préparation

Préchauffez le four à 200 degrés. Déroulez la pâte sur une plaque recouverte de papier cuisson et piquez-la à la fourchette. Épluchez les pommes, coupez-les en lamelles très fines et disposez-les en rosace en les faisant se chevaucher.

Faites fondre le beurre avec le miel et badigeonnez-en les pommes. Enfournez pour vingt-cinq minutes, jusqu'à ce que les bords soient bien dorés. Servez tiède, éventuellement avec une boule de glace à la vanille.

## Astuce

Si vos pommes sont très juteuses, saupoudrez la pâte d'une cuillerée de poudre d'amandes avant de les disposer : elle absorbera le jus.
""")

article("marche", "fr", "plain", "Le Petit Journal de Vernon", "Claire Dubois", "2024-04-06",
        "Vie locale", "Le marché couvert rouvre après dix-huit mois de travaux",
        "Le marché couvert de la place Carnot a rouvert samedi avec trente-deux commerçants.",
        "marché couvert, travaux, commerçants, Vernon", """
Après dix-huit mois de travaux, le marché couvert de la place Carnot a rouvert ses portes samedi matin. Dès sept heures, les habitués faisaient la queue devant l'étal du fromager, qui a retrouvé sa place près de l'entrée.

La toiture en verre a été entièrement refaite et le sol, autrefois glissant, a été remplacé par des dalles antidérapantes. Le bâtiment compte désormais trente-deux emplacements, contre vingt-six auparavant.

## Des horaires élargis

Le marché sera ouvert du mardi au dimanche, de sept heures à treize heures, et jusqu'à dix-neuf heures le vendredi. « Beaucoup de gens qui travaillent ne pouvaient jamais venir, maintenant ils le pourront », explique la maire adjointe chargée du commerce, Sophie Garnier.

## Un coût maîtrisé

Le chantier a coûté 2,4 millions d'euros, dont un tiers financé par la région. Les commerçants ont été installés pendant les travaux sous des barnums sur le parking voisin.
""")

article("granada", "es", "plain", "Viajar Despacio", "Lucía Romero", "2024-03-30", "Viajes",
        "Tres días en Granada sin prisas",
        "La Alhambra, el Albaicín y las tapas: un itinerario tranquilo de tres días por Granada.",
        "Granada, Alhambra, Albaicín, viajes, tapas", """
Granada no se deja conocer con prisas. Entre la Alhambra, las cuestas del Albaicín y las tapas que llegan gratis con cada bebida, tres días son el mínimo para disfrutar de la ciudad sin acabar agotado.

## Primer día: la Alhambra

Compre las entradas con varias semanas de antelación, sobre todo en primavera, porque el acceso a los Palacios Nazaríes tiene hora fija. Dedique la mañana entera al recinto y no olvide los jardines del Generalife, que mucha gente recorre demasiado deprisa.

## Segundo día: el Albaicín y el Sacromonte

Suba a pie desde la Plaza Nueva por la Carrera del Darro y piérdase por las calles estrechas del antiguo barrio árabe. Al atardecer, el mirador de San Nicolás ofrece la vista más famosa de la Alhambra, aunque estará lleno de gente.

## Tercer día: la ciudad baja

Visite la Capilla Real, donde están enterrados los Reyes Católicos, y la catedral. Por la tarde, descanse en un baño árabe y termine el viaje con unas tapas en la calle Navas.
""")

article("maraton", "es", "plain", "Diario del Sur", "Javier Molina", "2024-02-19", "Deportes",
        "Récord de participación en el maratón de la ciudad",
        "Más de doce mil corredores tomaron la salida del maratón, que ganó un atleta local.",
        "maratón, atletismo, carrera, deportes", """
Más de doce mil corredores tomaron la salida el domingo en el maratón de la ciudad, la cifra más alta desde que se celebró la primera edición en 1986.

La victoria masculina fue para Daniel Ortega, un profesor de educación física de treinta y un años que entrena por las mañanas antes de ir al colegio. Cruzó la meta en 2 horas, 11 minutos y 40 segundos, su mejor marca personal.

## Una carrera femenina muy igualada

En la categoría femenina, la keniana Ruth Chebet se impuso por solo cuatro segundos a la española Marta Gil tras un esprint final en la avenida de la Constitución.

## Calor y avituallamiento

La organización reforzó los puntos de avituallamiento por el calor, que superó los veinte grados antes de las once. Los servicios médicos atendieron a unas sesenta personas, ninguna de ellas por lesiones graves.
""")

article("recifes", "pt", "plain", "Ciência Viva Hoje", "Rita Sampaio", "2024-07-02", "Ciência",
        "Investigadores mapeiam recifes de coral desconhecidos ao largo da costa",
        "Três recifes de coral de profundidade foram descobertos a cerca de quarenta quilómetros da costa.",
        "recifes de coral, biologia marinha, oceano, áreas protegidas", """
Uma equipa de biólogos marinhos identificou três recifes de coral até agora desconhecidos a cerca de quarenta quilómetros da costa, a profundidades entre sessenta e noventa metros.

Os recifes foram encontrados durante uma campanha de seis semanas com um veículo operado remotamente, equipado com câmaras de alta resolução e braços para recolher pequenas amostras.

## Um refúgio para espécies ameaçadas

Segundo a coordenadora do projeto, a bióloga Marta Figueiredo, os corais de profundidade estão menos expostos ao aquecimento das águas superficiais e podem servir de refúgio para espécies que estão a desaparecer dos recifes mais rasos.

A equipa registou mais de 120 espécies de peixes e invertebrados, algumas das quais poderão ser novas para a ciência. A confirmação exigirá análises genéticas que deverão demorar cerca de um ano.

## Pedido de proteção

Os investigadores pedem que a zona seja incluída na rede de áreas marinhas protegidas, uma vez que a pesca de arrasto já deixou marcas visíveis no fundo a poucas centenas de metros dos recifes.
""")

article("budzet", "pl", "plain", "Gazeta Miejska", "Tomasz Nowak", "2024-05-23", "Samorząd",
        "Rada miasta przyjęła budżet obywatelski na przyszły rok",
        "Mieszkańcy zdecydują, na co zostanie wydane 4,5 miliona złotych. Głosowanie we wrześniu.",
        "budżet obywatelski, rada miasta, głosowanie, projekty", """
Radni jednogłośnie przyjęli w czwartek uchwałę w sprawie budżetu obywatelskiego. Mieszkańcy będą mogli zdecydować, na co zostanie wydane 4,5 miliona złotych.

W tegorocznej edycji zgłoszono 187 projektów, z czego 142 przeszły weryfikację formalną. Najwięcej pomysłów dotyczy zieleni miejskiej, placów zabaw i ścieżek rowerowych.

## Głosowanie we wrześniu

Głosowanie potrwa od 1 do 20 września. Każdy mieszkaniec, niezależnie od wieku, może oddać głos na maksymalnie trzy projekty osiedlowe i jeden ogólnomiejski. Karty do głosowania będą dostępne w urzędzie, bibliotekach i przez internet.

Zastępca prezydenta miasta Anna Wiśniewska podkreśliła, że w ubiegłym roku zrealizowano wszystkie zwycięskie projekty, w tym nowy park kieszonkowy przy ulicy Lipowej.

## Więcej pieniędzy na małe projekty

Po raz pierwszy wydzielono też pulę 300 tysięcy złotych na tak zwane małe granty, o które mogą się ubiegać rady osiedli i stowarzyszenia działające na rzecz sąsiadów.
""")

# --- Indonesian --------------------------------------------------------------------------

article("soto", "id", "plain", "Dapur Bunda Sari", "Sari Wulandari", "2024-08-05", "Resep",
        "Resep Soto Ayam Kuning Khas Rumahan",
        "Soto ayam kuning berkuah gurih dan harum rempah, cocok untuk sarapan keluarga.",
        "resep, soto ayam, masakan rumahan, kuliner", """
Soto ayam kuning adalah menu sarapan favorit banyak keluarga. Kuahnya gurih dan harum rempah, cocok disantap hangat dengan nasi putih, perasan jeruk nipis, dan sambal.

## Bahan-bahan

- setengah ekor ayam kampung
- dua liter air
- dua batang serai dan tiga lembar daun jeruk
- enam siung bawang merah dan empat siung bawang putih
- tiga butir kemiri, satu ruas kunyit, dan satu ruas jahe

## Cara membuat

Rebus ayam hingga empuk, lalu angkat dan suwir-suwir dagingnya. Tumis bumbu halus bersama serai, daun jeruk, dan daun salam sampai harum, kemudian masukkan ke dalam kaldu. Masak dengan api kecil selama dua puluh menit dan bumbui dengan garam secukupnya.

Sajikan suwiran ayam dengan soun, tauge, kol, dan telur rebus, lalu siram dengan kuah panas. Taburi bawang goreng dan seledri sebelum dihidangkan.

## Tips

Agar kuah lebih kuning dan segar, bakar kunyit sebentar sebelum dihaluskan.
""")

article("polisi", "id", "topic", "Kabar Sumut", "Rahmat Siregar", "2024-09-12", "Hukum",
        "Polisi Tangkap 12 Tersangka Judi Online dan Togel di Medan",
        "Polda Sumut menangkap 12 tersangka judi online dan togel serta memblokir ratusan situs.",
        "polisi, judi online, togel, Medan, kriminal", """
Kepolisian Daerah Sumatera Utara menangkap 12 tersangka judi online dan judi togel dalam operasi selama sepekan. Salah satu tersangka diduga sebagai bandar togel yang mengelola situs judi dengan omzet ratusan juta rupiah per bulan.

Kapolda mengatakan pihaknya juga memblokir ratusan situs judi slot bekerja sama dengan Kementerian Komunikasi dan Digital. Barang bukti berupa ponsel, buku rekap togel, dan uang tunai Rp 25 juta disita.

## Promosi lewat media sosial

Menurut penyidik, para tersangka mempromosikan situs mereka melalui media sosial dan grup percakapan, dengan menawarkan bonus kepada anggota baru. Sebagian besar pemain yang terjaring berusia di bawah tiga puluh tahun.

Para tersangka dijerat dengan Pasal 303 KUHP tentang perjudian dan Undang-Undang Informasi dan Transaksi Elektronik, dengan ancaman hukuman hingga sepuluh tahun penjara.

## Imbauan kepada masyarakat

Masyarakat diminta melaporkan praktik judi online dan togel melalui layanan pengaduan resmi.
""")

article("banjir", "id", "plain", "Warta Kota Kita", "Dewi Lestari", "2024-01-28", "Daerah",
        "Pemkot Bangun Kolam Retensi untuk Atasi Banjir di Kawasan Timur",
        "Pemerintah kota membangun dua kolam retensi dan memperlebar saluran di kawasan timur.",
        "banjir, kolam retensi, pemerintah kota, drainase", """
Pemerintah kota mulai membangun dua kolam retensi di kawasan timur untuk mengurangi banjir yang hampir setiap musim hujan merendam permukiman warga.

Kepala Dinas Pekerjaan Umum mengatakan kedua kolam itu mampu menampung sekitar 80 ribu meter kubik air. Selain itu, saluran di sepanjang Jalan Merdeka akan diperlebar dari satu menjadi dua setengah meter.

## Warga diminta tidak membuang sampah ke saluran

Menurut dinas, sebagian besar genangan terjadi karena saluran tersumbat sampah plastik. Petugas kebersihan akan ditambah, dan warga diminta menjaga kebersihan lingkungan masing-masing.

"Dulu setiap hujan deras air masuk ke rumah sampai selutut. Semoga tahun ini tidak lagi," kata Ibu Siti, warga RT 04.

## Selesai akhir tahun

Proyek senilai Rp 38 miliar ini ditargetkan selesai pada akhir tahun.
""")

# --- Russian -----------------------------------------------------------------------------

article("park", "ru", "plain", "Городские вести", "Ирина Соколова", "2024-06-08", "Город",
        "В городском парке открылась обновлённая набережная",
        "После двух лет реконструкции в Центральном парке открылась набережная с велодорожкой и причалами.",
        "парк, набережная, благоустройство, город", """
В субботу после двух лет реконструкции для посетителей открылась набережная в Центральном парке. Работы обошлись городскому бюджету в 312 миллионов рублей.

Вдоль пруда проложили новую прогулочную дорожку длиной почти полтора километра, установили скамейки, освещение и три деревянных причала для лодок. Старые ивы, которые жители просили сохранить, остались на месте.

## Велодорожка и спортивные площадки

Отдельно от пешеходной зоны появилась велодорожка, которая соединила парк с соседним микрорайоном. У входа со стороны улицы Гагарина оборудовали площадку для воркаута и небольшое поле для мини-футбола.

«Мы гуляем здесь с детьми каждые выходные, и теперь наконец не нужно обходить лужи», — рассказала жительница соседнего дома Ольга Смирнова.

## Что дальше

Летом на набережной будут работать прокат лодок и два кафе. В администрации обещают, что в следующем году благоустроят и северную часть парка.
""")

article("borsch", "ru", "plain", "Домашняя кухня", "Наталья Орлова", "2024-11-02", "Рецепты",
        "Постный борщ с фасолью: простой рецепт",
        "Как сварить густой постный борщ с фасолью и черносливом.",
        "борщ, рецепт, постное блюдо, фасоль", """
Постный борщ с фасолью получается не менее сытным, чем классический на мясном бульоне. Секрет в том, чтобы отдельно потушить свёклу с томатом и добавить её в самом конце.

## Ингредиенты

- 2 свёклы среднего размера
- 3 картофелины и 1 морковь
- четверть кочана капусты
- 1 банка красной фасоли
- 2 столовые ложки томатной пасты

## Приготовление

Нарежьте картофель кубиками и варите в подсоленной воде десять минут, затем добавьте нашинкованную капусту. Тем временем натрите свёклу и морковь, обжарьте их на растительном масле и потушите с томатной пастой и ложкой уксуса.

Добавьте в кастрюлю фасоль и овощную зажарку, доведите до кипения и выключите огонь. Дайте борщу настояться полчаса под крышкой.
""")

article("mfo", "ru", "topic", "Финансовый обозреватель", "Андрей Волков", "2024-04-17",
        "Экономика", "Центробанк ужесточил правила выдачи микрозаймов",
        "Банк России снизил предельную ставку по микрозаймам и ограничил число пролонгаций.",
        "микрозаймы, МФО, Центробанк, регулирование", """
Банк России снизил предельную ставку по микрозаймам и ограничил число пролонгаций. По данным регулятора, рынок микрозаймов вырос на 20 процентов за год, а доля просроченных займов остаётся высокой.

Новые правила вступят в силу с 1 июля. Полная стоимость займа не сможет превышать 0,8 процента в день, а общая сумма переплаты будет ограничена размером самого долга.

## Мнение экспертов

Эксперты отмечают, что часть МФО выдаёт деньги клиентам с плохой кредитной историей, и это повышает риски для всего рынка. По их оценке, ужесточение может привести к уходу небольших компаний.

Депутаты также предложили запретить рекламу онлайн-казино и микрозаймов в социальных сетях. Законопроект планируется рассмотреть в осенней сессии.

## Что делать заёмщикам

Перед тем как оформить заём, регулятор советует проверить, есть ли компания в государственном реестре МФО, и внимательно прочитать договор.
""")

article("rkn", "ru", "topic", "Городские вести", "Павел Егоров", "2024-10-21", "Общество",
        "Роскомнадзор заблокировал тысячи зеркал нелегальных онлайн-казино",
        "За месяц заблокированы несколько тысяч сайтов онлайн-казино; легально казино работают только в игорных зонах.",
        "онлайн-казино, блокировка, Роскомнадзор, азартные игры", """
Роскомнадзор сообщил о блокировке нескольких тысяч сайтов онлайн-казино за последний месяц. Игровые автоматы запрещены в России с 2009 года, легально казино работают только в игорных зонах, например в Сочи и Калининградской области.

По словам экспертов, операторы нелегальных казино используют рекламу у блогеров и в мессенджерах, а после блокировки за несколько часов открывают новые адреса.

## Ответственность для рекламщиков

В Госдуме обсуждают поправки, которые позволят штрафовать блогеров за рекламу нелегальных азартных игр. Сейчас ответственность несут в основном организаторы, которых сложно найти, поскольку серверы часто находятся за рубежом.

## Помощь при зависимости

Психологи напоминают, что зависимость от азартных игр признана заболеванием, и советуют обращаться за помощью при первых признаках проблемы.
""")

# --- Chinese -----------------------------------------------------------------------------

article("caishichang", "zh", "plain", "江滨晚报", "周文静", "2024-05-06", "民生",
        "老城区菜市场完成改造 今起恢复营业",
        "东门菜市场经过近八个月封闭施工后重新开业，摊位增加，营业时间延长。",
        "菜市场,改造,老城区,便民", """
经过近八个月的封闭施工，位于老城区和平路的东门菜市场今天上午重新开门迎客。改造后的市场面积约两千三百平方米，摊位由原来的一百二十个增加到一百四十六个，并新增了熟食区和便民服务点。

## 地面防滑 通风改善

记者在现场看到，市场地面全部换成了防滑地砖，屋顶加装了排风设备，过去夏天闷热、地面湿滑的问题得到明显改善。每个摊位上方都设有电子价格屏，方便市民比较价格。

“以前一下雨就到处是水，现在干净多了。”在这里卖了十五年蔬菜的王阿姨说。她的女儿在上海工作，特意请假回来帮她布置新摊位。

## 营业时间延长至晚上八点

市场管理方介绍，恢复营业后，市场每天早上六点开门，晚上八点关门，比改造前延长了两个小时。周边社区的老年人还可以在服务点免费测量血压、寄存物品。

据了解，今年全市还将完成另外四个老旧菜市场的改造。
""")

article("macau", "zh", "topic", "濠江财经", "梁志豪", "2024-12-01", "财经",
        "澳门十一月博彩毛收入按年增长",
        "十一月博彩毛收入按年上升百分之十二，中场百家乐收入占比继续扩大。",
        "澳门,博彩,毛收入,旅游", """
澳门博彩监察协调局今日公布，十一月份博彩毛收入按年上升百分之十二，达到一百八十多亿澳门元。其中中场百家乐收入占比继续扩大，贵宾厅业务则持续萎缩。

分析师指出，中场百家乐的复苏主要受内地旅客带动。十一月访澳旅客超过二百八十万人次，其中个人游旅客占比接近一半。

## 非博彩元素成为重点

业内人士表示，澳门赌场未来将加大非博彩元素投入，包括会展、演唱会和美食活动。多家综合度假村计划在明年翻新酒店客房，并增加家庭旅游项目。

## 继续打击非法赌博

澳门特区政府表示，将继续打击非法网上赌博及地下钱庄活动，同时加强对博彩从业人员的职业培训。
""")

article("jiulou", "zh", "topic", "羊城生活报", "陈嘉欣", "2024-09-18", "生活",
        "老字号酒楼推出中式婚宴套餐",
        "开业六十年的老字号酒楼推出“龙凤呈祥”主题婚宴套餐。",
        "婚宴,酒楼,中式婚礼,老字号", """
开业六十年的老字号酒楼近日推出新一季中式婚宴套餐，主打“龙凤呈祥”主题，受到不少准新人的欢迎。

酒楼二楼凤凰厅可容纳二十五桌，三楼设有小型宴会厅，适合亲友人数较少的家庭。套餐包括冷盘、龙凤饼、清蒸石斑和寿桃包，早茶时段还提供凤爪、虾饺等传统点心。

## 传统婚俗受年轻人青睐

酒楼经理介绍，最近两年选择穿龙凤褂、行敬茶礼的年轻人明显增加。“很多新人说，想让婚礼有一点老广州的味道。”

不少网友留言说，昨夜网友热议的婚宴菜单就是这一家。为方便外地宾客，酒楼提供上门接送服务，预订电话：020-8888 8888。
""")

article("tushuguan_zh", "zh", "plain", "北城社区通讯", "李晓梅", "2024-07-15", "社区",
        "社区图书馆暑期开设少儿阅读班",
        "北城社区图书馆暑假期间每周开设三次少儿阅读班，免费报名。",
        "图书馆,暑期,少儿阅读,社区", """
北城社区图书馆今年暑假将开设少儿阅读班，每周二、四、六上午各开一期，每期一个半小时，面向六至十二岁的儿童，全部免费。

## 志愿者老师带读

阅读班由附近中学的语文老师和大学生志愿者担任辅导员。除了共读绘本和儿童小说，孩子们还可以参加故事表演和读书笔记比赛。

图书馆负责人介绍，去年暑假阅读班共有三百多人次参加，不少家长反映孩子养成了每天读书的习惯。

## 报名方式

家长可以在图书馆服务台现场报名，也可以拨打图书馆电话预约。每期名额为二十人，额满为止。
""")

# --- Japanese ----------------------------------------------------------------------------

article("toshokan", "ja", "plain", "みなと町だより", "編集部", "2024-03-18", "地域",
        "市立図書館、平日の夜間開館を試行へ",
        "市立中央図書館が四月から平日の夜間開館を試験的に始める。",
        "図書館,夜間開館,市立中央図書館", """
市立中央図書館は、四月一日から九月末までの半年間、平日の開館時間を午後九時まで延長すると発表した。仕事帰りの会社員や部活動を終えた高校生から「閉館が早すぎる」という声が多く寄せられていたという。

## 自習室も夜まで利用可能に

延長時間中は、一般閲覧室に加えて二階の自習室も利用できる。ただし、視聴覚コーナーと郷土資料室は従来どおり午後六時で閉室する。夜間は職員二名と警備員一名の体制で運営する予定だ。

館長の中村恵子さんは「まずは半年間、利用者数や時間帯ごとの混み具合を調べたい。需要がはっきりすれば、本格的な実施を検討する」と話している。

## 駐輪場の照明も増設

夜間の安全対策として、市は図書館前の駐輪場に照明を六基増設する。工事は三月中に終わる見込みで、費用はおよそ百二十万円。
""")

article("suihanki", "ja", "plain", "くらしの道具レビュー", "山本さくら", "2024-06-27",
        "家電", "一人暮らし向け3合炊き炊飯器「こめまる」を一か月使ってみた",
        "3合炊きの小型炊飯器を一か月毎日使った感想。炊き上がり、操作性、気になった点。",
        "炊飯器,レビュー,一人暮らし,家電", """
一人暮らしを始めて五年、ずっと使ってきた炊飯器が壊れたのをきっかけに、3合炊きの小型モデル「こめまる」に買い替えた。一か月毎日使ってみた感想をまとめる。

## 炊き上がりと操作性

白米の普通モードで炊くと、粒がしっかり立ち、冷めても固くなりにくい。早炊きモードは約三十分で炊けるが、やや水っぽく感じた。ボタンは四つだけで、説明書を読まなくても迷わなかった。

## 気になった点

内釜のコーティングはしっかりしているものの、重さがあって洗うときに少し扱いにくい。また、保温を十二時間以上続けると、ご飯の端が黄色くなりやすい。

## まとめ

価格は一万二千円前後と手頃で、毎日ご飯を炊く人には十分な性能だと思う。玄米をよく食べる人は、専用モードのある上位機種も検討するとよいだろう。
""")

article("zeikan", "ja", "topic", "経済ニュース速報", "佐藤健一", "2024-03-08", "社会",
        "偽ブランド品の輸入差し止め、過去最多に　税関まとめ",
        "昨年一年間に全国の税関で輸入を差し止めた偽ブランド品などが過去最多に。",
        "税関,偽ブランド品,知的財産,輸入差し止め", """
財務省は、昨年一年間に全国の税関で輸入を差し止めた偽ブランド品などの知的財産侵害物品が、件数ベースで過去最多になったと発表した。

差し止め件数は約三万一千件で、前年より一割ほど増えた。品目別ではバッグや財布などの革製品が最も多く、衣類、時計、スマートフォンの付属品が続いた。

## 個人輸入にも注意

近年は、通販サイトや交流サイトの広告を通じて個人が購入し、国際郵便で届くケースが目立つという。税関の担当者は「正規品より極端に安い商品はコピー商品の可能性が高い。偽物と知らずに購入しても、輸入は認められない」と注意を呼びかけている。

## 相談窓口

偽物かどうか判断に迷う場合は、ブランドの公式サイトや消費生活センターに相談してほしいという。
""")

# --- Korean ------------------------------------------------------------------------------

article("beotkkot", "ko", "plain", "강변일보", "김민지", "2024-03-12", "지역",
        "벚꽃 축제 3년 만에 다시 열린다",
        "강변 공원 일대에서 다음 달 5일부터 사흘 동안 벚꽃 축제가 열린다.",
        "벚꽃 축제, 강변 공원, 지역 행사", """
시는 다음 달 5일부터 7일까지 사흘 동안 강변 공원 일대에서 벚꽃 축제를 연다고 밝혔다. 축제가 열리는 것은 3년 만이다.

올해 축제에는 지역 예술가들의 공연과 먹거리 장터, 어린이 체험 부스 등 40여 개 프로그램이 마련된다. 밤에는 강변 산책로 2킬로미터 구간에 조명이 설치돼 야간 벚꽃 길을 걸을 수 있다.

## 교통 통제와 셔틀버스 운행

축제 기간 강변로 일부 구간은 차량 통행이 제한된다. 시는 시청과 종합운동장을 오가는 무료 셔틀버스를 10분 간격으로 운행할 예정이다.

축제 관계자는 "주차 공간이 부족하니 가급적 대중교통을 이용해 달라"고 당부했다.

## 날씨가 관건

기상청은 올해 벚꽃 개화 시기가 평년보다 나흘가량 빠를 것으로 예상했다. 축제 기간에 비가 오면 일부 야외 공연은 실내 체육관으로 옮겨 진행된다.
""")

article("doenjang", "ko", "plain", "오늘의 집밥", "박서윤", "2024-10-30", "레시피",
        "집에서 끓이는 구수한 된장찌개",
        "멸치 육수로 끓이는 기본 된장찌개 레시피.",
        "된장찌개, 레시피, 집밥, 한식", """
된장찌개는 냉장고에 있는 재료만으로도 쉽게 끓일 수 있는 대표적인 집밥 메뉴다. 멸치 육수를 제대로 내면 식당에서 먹는 맛 못지않다.

## 재료

- 된장 두 큰술
- 애호박 반 개, 감자 한 개, 양파 반 개
- 두부 반 모
- 대파 한 대, 청양고추 한 개
- 멸치 육수 세 컵

## 만드는 법

냄비에 멸치 육수를 붓고 된장을 체에 걸러 푼다. 감자를 먼저 넣고 오 분쯤 끓인 뒤 애호박과 양파를 넣는다. 채소가 익으면 두부와 다진 마늘을 넣고 한소끔 더 끓인다.

마지막으로 대파와 청양고추를 넣고 불을 끈다. 고춧가루를 조금 넣으면 칼칼한 맛이 살아난다.
""")

article("dobak", "ko", "topic", "강변일보", "이준호", "2024-08-21", "사회",
        "경찰, 불법 스포츠 도박 사이트 운영 조직 검거",
        "해외에 서버를 두고 불법 스포츠 도박 사이트를 운영한 조직원 23명 검거.",
        "불법 도박, 경찰, 스포츠토토, 사회", """
경찰청은 해외에 서버를 두고 불법 스포츠 도박 사이트를 운영한 조직원 23명을 검거했다고 밝혔다. 이들이 3년간 거둔 판돈은 1천억 원대에 이르는 것으로 추산됐다.

조사 결과 이들은 사설토토 사이트 여러 개를 번갈아 열면서 단속을 피해 온 것으로 드러났다. 회원 모집은 문자 메시지와 소셜미디어 광고를 통해 이뤄졌고, 가입자 가운데 상당수가 10대와 20대였다.

## 합법 스포츠토토와 구별해야

경찰은 "정부가 허가한 스포츠토토 외의 온라인 베팅은 모두 불법"이라며 이용자도 처벌받을 수 있다고 강조했다.

## 상담 안내

한국도박문제예방치유원은 도박 문제로 어려움을 겪는 사람은 상담 전화 1336으로 연락해 달라고 당부했다.
""")

# --- Bilingual pages ---------------------------------------------------------------------

article("bi_zh", "en", "bilingual", "Maple Grove Chinese School 枫林中文学校", "枫林中文学校",
        "2024-09-02", "Notices", "中文学校开放日 / Chinese School Open Day",
        "Open day at Maple Grove Chinese School. 枫林中文学校开放日。",
        "Chinese school, open day, 中文学校, 开放日", """
[zh] 本周六上午十点至十二点，枫林中文学校将在社区中心举办开放日活动，欢迎家长带孩子参观课堂、认识老师。

[en] This Saturday from 10:00 to 12:00, Maple Grove Chinese School holds an open day at the community centre. Parents and children are welcome to visit classes and meet the teachers.

## 课程介绍 / Our classes

[zh] 学校开设学前班至八年级的中文课，以及书法、国画和武术兴趣班。所有课程均在周六上午进行。

[en] We offer Chinese language classes from pre-school to Grade 8, plus calligraphy, brush painting and martial arts. All classes take place on Saturday mornings.

## 报名 / Registration

[zh] 报名或咨询请发送电子邮件至 info@maplegrove-school.example。

[en] To register or ask a question, email info@maplegrove-school.example.
""")

article("bi_ja", "en", "bilingual", "Kissa Books 喫茶ブックス", "店主", "2024-12-10", "News",
        "年末年始の営業時間のお知らせ / Holiday Opening Hours",
        "年末年始の営業時間のお知らせ。Our opening hours over the New Year holidays.",
        "営業時間, 年末年始, opening hours, bookshop", """
[ja] いつも当店をご利用いただき、誠にありがとうございます。年末年始の営業時間を下記のとおりご案内いたします。

[en] Thank you for shopping with us. Our opening hours over the New Year holidays are as follows.

## 営業日 / Opening days

[ja] 12月29日（金）までは通常どおり午前10時から午後7時まで営業いたします。12月30日から1月3日までは休業とさせていただきます。

[en] We are open as usual, 10am to 7pm, until Friday 29 December. The shop will be closed from 30 December to 3 January.

## オンラインショップ / Online shop

[ja] 1月4日（木）より通常営業いたします。オンラインショップでのご注文は期間中も受け付けておりますが、発送は1月4日以降となります。

[en] Normal hours resume on Thursday 4 January. Online orders are accepted throughout, but will be shipped from 4 January.
""")

article("bi_ko", "en", "bilingual", "Korean Association of Westbrook 웨스트브룩 한인회",
        "한인회", "2024-08-28", "Events",
        "한인회 추석 잔치 안내 / Korean Association Chuseok Celebration",
        "추석 잔치 안내. Chuseok celebration at the Civic Hall, 16 September.",
        "추석, 한인회, Chuseok, Korean Association", """
[ko] 한인회는 9월 16일 토요일 오후 2시부터 시민회관에서 추석 잔치를 엽니다. 송편 빚기, 윷놀이, 한복 입어 보기 등 온 가족이 함께할 수 있는 행사가 준비되어 있습니다.

[en] The Korean Association invites everyone to a Chuseok celebration at the Civic Hall on Saturday 16 September from 2pm. There will be songpyeon-making, yutnori games and hanbok to try on, for all ages.

## 참가 신청 / How to join

[ko] 참가비는 무료이며, 음식 준비를 위해 9월 10일까지 이메일로 신청해 주시기 바랍니다.

[en] Admission is free. To help us plan the food, please register by email by 10 September.

## 자원봉사 / Volunteers

[ko] 행사 당일 음식 나눔과 정리를 도와주실 자원봉사자도 모집합니다.

[en] We are also looking for volunteers to help serve food and tidy up on the day.
""")

# ---------------------------------------------------------------------------------------
# Page furniture per language.
# ---------------------------------------------------------------------------------------

UI = {
    "en": dict(home="Home", news="News", about="About", contact="Contact", by="By",
               comments="Comments", related="Related articles", tags="Tags", rights="All rights reserved.",
               privacy="Privacy", skip="Skip to content", sub=["Local", "Business", "Sport", "Culture"],
               links="Partners", popular="Most read", when=["2 days ago", "yesterday", "3 hours ago"]),
    "de": dict(home="Startseite", news="Aktuelles", about="Über uns", contact="Kontakt", by="Von",
               comments="Kommentare", related="Mehr zum Thema", tags="Schlagwörter", rights="Alle Rechte vorbehalten.",
               privacy="Datenschutz", skip="Zum Inhalt springen", sub=["Region", "Wirtschaft", "Sport", "Kultur"],
               links="Partner", popular="Meistgelesen", when=["vor 2 Tagen", "gestern", "vor 3 Stunden"]),
    "fr": dict(home="Accueil", news="Actualités", about="À propos", contact="Contact", by="Par",
               comments="Commentaires", related="À lire aussi", tags="Mots-clés", rights="Tous droits réservés.",
               privacy="Confidentialité", skip="Aller au contenu", sub=["Local", "Économie", "Sport", "Culture"],
               links="Partenaires", popular="Les plus lus", when=["il y a 2 jours", "hier", "il y a 3 heures"]),
    "es": dict(home="Inicio", news="Noticias", about="Quiénes somos", contact="Contacto", by="Por",
               comments="Comentarios", related="Te puede interesar", tags="Etiquetas", rights="Todos los derechos reservados.",
               privacy="Privacidad", skip="Ir al contenido", sub=["Local", "Economía", "Deportes", "Cultura"],
               links="Enlaces", popular="Lo más leído", when=["hace 2 días", "ayer", "hace 3 horas"]),
    "pt": dict(home="Início", news="Notícias", about="Sobre nós", contact="Contacto", by="Por",
               comments="Comentários", related="Leia também", tags="Etiquetas", rights="Todos os direitos reservados.",
               privacy="Privacidade", skip="Saltar para o conteúdo", sub=["País", "Economia", "Desporto", "Cultura"],
               links="Parceiros", popular="Mais lidas", when=["há 2 dias", "ontem", "há 3 horas"]),
    "pl": dict(home="Strona główna", news="Aktualności", about="O nas", contact="Kontakt", by="Autor:",
               comments="Komentarze", related="Zobacz też", tags="Tagi", rights="Wszelkie prawa zastrzeżone.",
               privacy="Prywatność", skip="Przejdź do treści", sub=["Miasto", "Gospodarka", "Sport", "Kultura"],
               links="Partnerzy", popular="Najczęściej czytane", when=["2 dni temu", "wczoraj", "3 godziny temu"]),
    "id": dict(home="Beranda", news="Berita", about="Tentang Kami", contact="Kontak", by="Oleh",
               comments="Komentar", related="Baca juga", tags="Tag", rights="Hak cipta dilindungi.",
               privacy="Privasi", skip="Langsung ke konten", sub=["Daerah", "Ekonomi", "Olahraga", "Budaya"],
               links="Tautan", popular="Terpopuler", when=["2 hari lalu", "kemarin", "3 jam lalu"]),
    "ru": dict(home="Главная", news="Новости", about="О нас", contact="Контакты", by="Автор:",
               comments="Комментарии", related="Читайте также", tags="Теги", rights="Все права защищены.",
               privacy="Конфиденциальность", skip="Перейти к содержимому", sub=["Город", "Экономика", "Спорт", "Культура"],
               links="Партнёры", popular="Популярное", when=["2 дня назад", "вчера", "3 часа назад"]),
    "zh": dict(home="首页", news="新闻", about="关于我们", contact="联系我们", by="作者：",
               comments="评论", related="相关阅读", tags="标签", rights="版权所有",
               privacy="隐私政策", skip="跳到正文", sub=["本地", "财经", "体育", "文化"],
               links="友情链接", popular="热门文章", when=["2天前", "昨天", "3小时前"]),
    "ja": dict(home="ホーム", news="ニュース", about="私たちについて", contact="お問い合わせ", by="文：",
               comments="コメント", related="関連記事", tags="タグ", rights="無断転載を禁じます。",
               privacy="プライバシーポリシー", skip="本文へ移動", sub=["地域", "経済", "スポーツ", "文化"],
               links="リンク", popular="よく読まれている記事", when=["2日前", "昨日", "3時間前"]),
    "ko": dict(home="홈", news="뉴스", about="소개", contact="문의", by="글:",
               comments="댓글", related="관련 기사", tags="태그", rights="무단 전재 및 재배포 금지.",
               privacy="개인정보처리방침", skip="본문 바로가기", sub=["지역", "경제", "스포츠", "문화"],
               links="링크", popular="많이 본 기사", when=["2일 전", "어제", "3시간 전"]),
}

HONEST_COMMENTS = {
    "en": [("Harriet P.", "Thanks for writing this up, very clear."),
           ("Tom W.", "Shared this with my neighbours, they had the same question."),
           ("Mags", "Good to see this covered properly for once."),
           ("D. Okoye", "Is there going to be a follow-up piece?")],
    "de": [("Sabine K.", "Danke für den ausführlichen Beitrag!"),
           ("Jürgen", "Sehr hilfreich, genau das habe ich gesucht."),
           ("M. Weber", "Gibt es dazu auch Informationen für die Nachbargemeinden?")],
    "fr": [("Sophie", "Merci pour cet article très clair."),
           ("Jean-Luc", "J'ai essayé ce week-end, c'était parfait."),
           ("Amélie R.", "Est-ce que cela vaut aussi pour les autres quartiers ?")],
    "es": [("Carmen", "Gracias por compartirlo, muy útil."),
           ("Pablo G.", "Lo probé el fin de semana y salió genial."),
           ("Lucía", "¿Sabéis si esto vale también para el año que viene?")],
    "pt": [("Joana", "Obrigado pelo artigo, muito interessante."),
           ("Miguel S.", "Partilhei com a família, gostaram muito."),
           ("Ana Paula", "Há mais informação sobre isto em algum sítio?")],
    "pl": [("Kasia", "Dziękuję za ciekawy artykuł."),
           ("Marek W.", "Bardzo przydatne informacje, udostępniam dalej."),
           ("Ewa", "Czy wiadomo coś więcej o terminach?")],
    "id": [("Rina", "Terima kasih infonya, sangat bermanfaat."),
           ("Agus S.", "Sudah saya coba di rumah, hasilnya enak sekali."),
           ("Fitri", "Apakah ada informasi lanjutan soal ini?")],
    "ru": [("Елена", "Спасибо за статью, очень интересно."),
           ("Сергей П.", "Наконец-то об этом написали подробно."),
           ("Ольга", "А известно, когда будет продолжение?")],
    "zh": [("小林", "谢谢分享，写得很清楚。"),
           ("老张", "我们上周去看了，确实不错。"),
           ("阿敏", "请问周末也开放吗？")],
    "ja": [("たかし", "分かりやすい記事をありがとうございます。"),
           ("みどり", "参考になりました。さっそく試してみます。"),
           ("K.S.", "続報があればまた教えてください。")],
    "ko": [("지민", "좋은 정보 감사합니다."),
           ("수현", "주말에 가족들과 꼭 가 보겠습니다."),
           ("민호", "자세히 정리해 주셔서 도움이 됐어요.")],
}

NATIVE_NAMES = [("en", "English"), ("de", "Deutsch"), ("fr", "Français"), ("es", "Español"),
                ("pt", "Português"), ("pl", "Polski"), ("id", "Bahasa Indonesia"),
                ("ru", "Русский"), ("zh", "中文"), ("zh-Hant", "繁體中文"), ("ja", "日本語"),
                ("ko", "한국어")]

HTML_LANG = {"en": "en", "de": "de", "fr": "fr", "es": "es", "pt": "pt-PT", "pl": "pl",
             "id": "id", "ru": "ru", "zh": "zh-CN", "ja": "ja", "ko": "ko"}

# Legacy charsets: label written in the page, Python codec.
LEGACY = {"zh": ("GBK", "gbk"), "ja": ("Shift_JIS", "shift_jis"), "ru": ("windows-1251", "cp1251"),
          "ko": ("EUC-KR", "euc_kr")}

# ---------------------------------------------------------------------------------------
# Clean-up write-ups (suspicious): spam strings appear only inside <pre>/<code>.
# Items: ("h2", text), ("p", text with `inline code`), ("pre", code).
# ---------------------------------------------------------------------------------------

WRITEUPS = []


def writeup(key, lang, site, author, date, title, items, must):
    WRITEUPS.append(dict(key=key, lang=lang, site=site, author=author, date=date, title=title,
                         items=items, must=must))


writeup("ja-keyword-hack", "en", "Patchwork Security Blog", "Rafael Ostrowski", "2024-05-02",
        "How a compromised theme filled a shop's search results with Japanese product titles", [
            ("p", "A small ceramics shop asked us why Google listed hundreds of pages with Japanese titles under their domain. None of those pages existed in their shop admin, and the homepage looked normal in every browser they tried."),
            ("h2", "What the crawler saw"),
            ("p", "Requests with a search-engine user agent were answered by a PHP file hidden in the theme's images folder. It generated pages on the fly, each with a title built from a keyword list like this one:"),
            ("pre", '<title>ロレックス スーパーコピー 代引き N級品 - Hollow Clay Studio</title>\n<meta name="keywords" content="ブランドコピー,ルイヴィトン 財布 コピー,偽物代引き">'),
            ("p", "This is the so-called Japanese keyword hack. The titles advertise counterfeit luxury goods, and the links send visitors to shops that take payment and often ship nothing."),
            ("h2", "Clean-up"),
            ("p", "We removed the loader, searched the theme for calls to `base64_decode` and `eval`, reset all administrator passwords and submitted the old sitemap again so the fake URLs would drop out of the index."),
        ], ["ロレックス スーパーコピー", "ブランドコピー"])

writeup("pharma-wp-options", "en", "Patchwork Security Blog", "Rafael Ostrowski", "2024-06-13",
        "Anatomy of a pharma hack: cloaked links in wp_options", [
            ("p", "Pharma hacks are old, but they keep working. Last week we cleaned a university department site whose pages looked normal to visitors but carried a block of hidden links for search engines."),
            ("h2", "The injected block"),
            ("p", "The links were stored base64-encoded in an autoloaded option and printed just before the closing body tag:"),
            ("pre", '<div style="display:none">\n<a href="http://rx-store.example/">buy viagra online</a>\n<a href="http://rx-store.example/c">cheap cialis</a>\n<a href="http://rx-store.example/t">tramadol overnight</a>\n</div>'),
            ("p", "Because the block is hidden with inline CSS, the site's editors never saw it. Search Console, however, listed the anchor texts among the site's top queries."),
            ("h2", "What to check"),
            ("p", "Query `wp_options` for large autoloaded values, compare the theme against a fresh copy, and look at the raw HTML your server sends to a crawler user agent."),
        ], ["buy viagra online", "cheap cialis"])

writeup("judol-university", "en", "Campus IT Notes", "Siti Rahmawati", "2024-08-07",
        "Cleaning Indonesian slot spam from a university website", [
            ("p", "Indonesian online-gambling spam has hit thousands of academic and government sites in the last two years. The pattern is always similar: a hidden directory full of doorway pages, and a few links from the home page."),
            ("h2", "Examples from the access log"),
            ("pre", 'GET /wp-content/uploads/.cache/index.php\n<a href="https://gacor77.example/">situs slot gacor hari ini</a>\n<a href="https://gacor77.example/">togel hongkong</a>'),
            ("p", "The attackers got in through an outdated file manager plugin. We removed the directory, closed the plugin hole and asked the search engine to drop the doorway URLs."),
        ], ["situs slot gacor", "togel hongkong"])

writeup("ko-forum-wave", "en", "Tinkerers' Forum Staff Blog", "moderator team", "2024-01-09",
        "Moderation notes: the Korean betting spam wave in our forum", [
            ("p", "Over the holidays our forum received about four hundred posts advertising Korean betting sites. They arrive from new accounts, usually in old threads, and always end with a messenger handle."),
            ("h2", "What the posts look like"),
            ("pre", "카지노사이트 추천 | 토토사이트 먹튀검증 완료\n가입머니 지급 텔레그램 @major_toto77"),
            ("p", "We added a rule that holds posts from accounts younger than a day when they contain links or messenger handles, and the wave stopped within a week."),
        ], ["카지노사이트", "토토사이트"])

writeup("joomla-footer", "en", "Charity Tech Help", "Alan Brierley", "2024-04-19",
        "Casino links in a Joomla footer: a case study", [
            ("p", "A charity's Joomla site started ranking for gambling searches in Russian and English. The culprit was a modified footer module that printed links only for visitors coming from search engines."),
            ("h2", "The module output"),
            ("pre", '<div class="ft-links"><a href="https://casino-top.example/">best online casino</a> |\n<a href="https://casino-top.example/b">no deposit bonus</a> |\n<a href="https://vulkan-club.example/">казино вулкан</a></div>'),
            ("p", "We replaced the module with the original from the installation package and protected the administrator folder with an extra password."),
        ], ["best online casino", "казино вулкан"])

writeup("zh-bocai-cleanup", "zh", "运维笔记", "王磊", "2024-07-22",
        "网站被植入隐藏链接的排查与清理记录", [
            ("p", "上周，一家区县单位的网站在搜索结果中出现了大量与正文无关的标题。管理员用浏览器打开首页，没有发现任何异常。"),
            ("h2", "排查过程"),
            ("p", "我们用搜索引擎的 User-Agent 请求首页，发现服务器返回的页面底部多了一段隐藏链接："),
            ("pre", '<div style="display:none">\n<a href="http://bjl88.example/">百家乐官网</a>\n<a href="http://bjl88.example/">金沙娱乐城</a>\n<a href="http://bjl88.example/">皇冠体育</a>\n</div>'),
            ("p", "这段代码由被篡改的 `index.php` 根据访问者身份输出，普通用户看不到。"),
            ("h2", "处理方法"),
            ("p", "删除后门文件、升级内容管理系统、修改所有账号密码，并向搜索引擎提交死链。"),
        ], ["百家乐官网", "金沙娱乐城"])

writeup("ja-kaizan", "ja", "ウェブ保守ノート", "田村", "2024-02-14",
        "サイト改ざん事例：偽ブランド通販のキーワードを埋め込まれたページの対処", [
            ("p", "ある美容院のサイトで、検索結果に見覚えのないブランド品のページが大量に表示されるという相談を受けた。"),
            ("h2", "埋め込まれていた内容"),
            ("p", "サーバー上には不正なPHPファイルが置かれ、検索エンジンのクローラーにだけ次のようなタイトルを返していた。"),
            ("pre", "<title>シャネル 財布 スーパーコピー N級品 代引き</title>\n<h2>エルメス バッグ ブランドコピー 激安通販</h2>"),
            ("p", "不正ファイルを削除し、プラグインを最新版に更新したうえで、すべてのパスワードを変更した。"),
        ], ["スーパーコピー", "ブランドコピー"])

writeup("de-pharma-footer", "de", "Webpflege Blog", "Katrin Vogel", "2024-03-05",
        "Medikamenten-Spam im WordPress-Footer entfernen", [
            ("p", "Ein Kunde wunderte sich, warum seine Vereinsseite bei Google plötzlich mit Medikamentenwerbung auftauchte. Im Browser war davon nichts zu sehen."),
            ("h2", "Der eingeschleuste Code"),
            ("pre", '<div style="position:absolute;left:-9999px">\n<a href="http://pills24.example/">cheap cialis</a> <a href="http://pills24.example/v">viagra 100mg for sale</a>\n</div>'),
            ("p", "Der Block stand in der Datei `footer.php` des Themes. Wir haben das Theme neu installiert, alle Passwörter geändert und ein veraltetes Plugin entfernt."),
        ], ["cheap cialis"])

writeup("payday-comments", "en", "Quiet Pixel Blog", "Nora Lindgren", "2024-10-01",
        "Payday-loan comment spam: what our filter missed", [
            ("p", "Most comment spam never reaches our moderation queue, but last month a batch of loan-advert comments slipped through. They were short, polite and posted from residential IP addresses."),
            ("h2", "Two typical comments"),
            ("pre", "Great post, thanks! If anyone needs help, payday loans no credit check are available here.\nI got same day payday loans from this site, guaranteed approval loans for everyone."),
            ("p", "Each comment carried a link on the author's name rather than in the text, which is why our link-count rule did not catch them. We now hold comments whose author URL is new to the site."),
        ], ["payday loans no credit check", "same day payday loans"])

writeup("contact-filter", "en", "Forum Ops Notes", "Chen Jie", "2024-11-11",
        "Writing filter rules for messenger-id spam on a Chinese-language forum", [
            ("p", "Spam on Chinese-language forums rarely contains a link. Instead it ends with a messenger id, often written with full-width digits or broken up with symbols."),
            ("h2", "Samples from the moderation queue"),
            ("pre", "深圳外围模特 加微信：ｗｘ５５８２０１９\n同城约 QQ：３０６６１７４２\n上海龙凤419 薇5501〓2273"),
            ("p", "Normalising full-width characters before matching catches most of them. A rule like the one below then flags a label followed by an id that contains digits:"),
            ("pre", "(微信|薇|QQ)[:：]?\\s*[a-z]*\\d{5,}"),
        ], ["深圳外围模特", "上海龙凤419", "加微信:wx5582019"])

writeup("ru-school", "ru", "Заметки администратора", "Дмитрий К.", "2024-09-30",
        "Как мы удалили скрытые ссылки с сайта школы", [
            ("p", "Учительница информатики заметила, что сайт школы в поиске показывается с рекламными описаниями. На самой странице ничего подозрительного не было."),
            ("h2", "Что нашли в шаблоне"),
            ("pre", '<div style="position:absolute;left:-9999px">\n<a href="https://vulkan-club.example/">казино вулкан</a>\n<a href="https://zaim-online.example/">займ на карту без отказа</a>\n</div>'),
            ("p", "Блок добавлялся в файл шаблона после каждого обновления, потому что в системе осталась чужая учётная запись администратора. Мы удалили её, сменили пароли и обновили движок."),
        ], ["казино вулкан", "займ на карту без отказа"])

writeup("zero-width", "en", "Crawl Hygiene", "Maya Feldman", "2024-12-03",
        "Finding zero-width and entity-obfuscated spam in crawled pages", [
            ("p", "Some injected strings are written so that a simple substring search misses them. Two tricks dominate in our crawl samples: zero-width characters between letters and numeric character references."),
            ("h2", "Zero-width characters"),
            ("pre", "百\u200b家\u200b乐在线 娱\u200b乐\u200b城开户送38元"),
            ("p", "In the source these strings contain U+200B between characters. They render exactly like the plain words."),
            ("h2", "Character references"),
            ("pre", "&#x7231;&#x4E0A;&#x6D77;&#x540C;&#x57CE;&#x34;&#x31;&#x39;"),
            ("p", "Decoding references and removing zero-width characters before matching restores the original words."),
        ], ["百家乐在线", "娱乐城"])

writeup("id-sekolah", "id", "Catatan Admin Web", "Budi Santoso", "2024-06-18",
        "Cara Membersihkan Situs Sekolah dari Sisipan Konten Perjudian", [
            ("p", "Dalam beberapa bulan terakhir banyak situs sekolah dan kampus disisipi konten perjudian. Biasanya pengelola baru sadar setelah hasil pencarian Google menampilkan judul-judul aneh."),
            ("h2", "Contoh sisipan"),
            ("pre", '<title>Slot Gacor Hari Ini Gampang Maxwin - SMA Negeri 3</title>\n<a href="https://slot-maxwin.example/">link slot gacor</a> <a href="https://slot-maxwin.example/">bocoran rtp slot</a>'),
            ("p", "Periksa folder unggahan, hapus berkas PHP yang tidak dikenal, perbarui semua plugin, dan ganti kata sandi administrator."),
        ], ["Gampang Maxwin", "bocoran rtp slot"])

# ---------------------------------------------------------------------------------------
# Spam families. Each family gives short strings (for headings, titles, metadata, bylines,
# attributes) and blocks (for hidden elements, comments, link lists, stray lines). Every
# string a family returns is spam wherever it stands; `must` is the decoded form.
# ---------------------------------------------------------------------------------------

FAMILIES = ["zh-escort", "zh-gambling", "ja-counterfeit", "en-pharma", "en-casino", "en-loan",
            "ko-gambling", "id-gambling", "ru-casino", "ru-loan", "ru-diploma", "contact"]

FAMILY_LANG = {"zh-escort": "zh", "zh-gambling": "zh", "ja-counterfeit": "ja", "en-pharma": "en",
               "en-casino": "en", "en-loan": "en", "ko-gambling": "ko", "id-gambling": "id",
               "ru-casino": "ru", "ru-loan": "ru", "ru-diploma": "ru", "contact": "zh"}

CITIES_MAIN = ["上海", "北京", "深圳", "广州", "杭州"]
CITIES_419 = CITIES_MAIN + ["南京", "苏州", "东莞"]
CITIES_MORE = ["成都", "重庆", "武汉", "天津", "西安", "长沙"]


def zh_escort_term(rng, same_script):
    """An escort-forum string. On Chinese pages only compounds that cannot be ordinary
    Chinese (419, 论坛, 夜网, 楼凤, 外围女...), elsewhere also city + 龙凤."""
    r = rng.random()
    if r < 0.4:
        city = rng.choice(CITIES_MAIN)
        sufs = ["龙凤419", "夜网", "楼凤", "外围女", "外围模特", "楼凤419", "龙凤论坛"]
        if not same_script:
            sufs += ["龙凤", "龙凤", "419"]
        return city + rng.choice(sufs)
    if r < 0.55:
        city = rng.choice(CITIES_419)
        return city + rng.choice(["419", "419论坛", "同城419"])
    if r < 0.68:
        city = rng.choice(CITIES_MORE)
        return city + rng.choice(["龙凤419", "夜网", "楼凤", "外围女", "外围模特", "419论坛"])
    if r < 0.75:
        return rng.choice(["上海龍鳳", "一樓一鳳", "樓鳳論壇", "外圍女", "龍鳳論壇", "419論壇"])
    return rng.choice(["爱上海同城419", "爱上海419论坛", "爱上海后花园", "上海贵族宝贝", "夜上海论坛",
                       "龙凤论坛", "楼凤信息", "一楼一凤", "品茶论坛", "同城419", "高端外围",
                       "外围嫩模", "全国空降", "商务伴游", "学生妹兼职", "兼职妹", "美女上门",
                       "约炮", "桑拿论坛", "夜网论坛"])


ZH_GAMBLING = ["百家乐官网", "百家乐平台", "真人百家乐", "在线百家乐", "网上百家乐", "百家乐开户",
               "皇冠体育", "皇冠现金网", "网上赌场", "在线赌场", "时时彩", "北京赛车pk10", "幸运飞艇",
               "注册送彩金", "开户送彩金", "真人视讯", "开元棋牌", "亚博体育", "开云体育", "华体会",
               "澳门六合彩", "一肖一码", "网上投注", "真钱棋牌", "大发快三", "在线博彩", "线上百家乐"]
ZH_CASINO_BRANDS = ["金沙", "威尼斯人", "太阳城", "新葡京", "永利", "银河", "博天堂", "澳门金沙", "利来"]


def zh_gambling_term(rng, same_script):
    if rng.random() < 0.3:
        return rng.choice(ZH_CASINO_BRANDS) + "娱乐城"
    return rng.choice(ZH_GAMBLING)


JA_BRANDS = ["ロレックス", "ルイヴィトン", "シャネル", "エルメス", "グッチ", "オメガ", "カルティエ",
             "ウブロ", "プラダ", "ブルガリ", "モンクレール", "セリーヌ", "ヴィトン"]
JA_GOODS = ["財布", "バッグ", "時計", "腕時計", "ベルト", "ネックレス"]


def ja_term(rng, same_script):
    r = rng.random()
    if r < 0.35:
        return rng.choice(JA_BRANDS) + rng.choice([" スーパーコピー", "スーパーコピー", " コピー", " N級品",
                                                    "コピー", " スーパーコピー 代引き"])
    if r < 0.55:
        return rng.choice(JA_BRANDS) + " " + rng.choice(JA_GOODS) + rng.choice([" スーパーコピー", " コピー", "コピー"])
    if r < 0.62:
        return rng.choice(["Rolex", "Louis Vuitton", "HERMES", "Cartier"]) + rng.choice([" スーパーコピー", "コピー", " N級品"])
    return rng.choice(["スーパーコピー", "ブランドコピー", "コピーブランド", "N級品", "スーパーコピー 代引き",
                       "偽物代引き", "ブランドレプリカ", "レプリカ時計", "コピー時計", "スーパーコピー 専門店",
                       "コピー品通販", "Ｎ級品", "スーパーコピー時計"])


EN_PHARMA = ["buy viagra online", "cheap cialis", "tramadol overnight", "buy cheap levitra",
             "viagra 100mg for sale", "cialis no rx", "v1agra", "c1alis", "order tramadol online",
             "buy meds online", "buy phentermine online", "xanax without a doctor prescription",
             "discount viagra", "cheap generic viagra", "ambien overnight", "buy xanax online",
             "tramadol cod", "cheapest cialis online no prescription"]
EN_CASINO = ["best online casino", "no deposit bonus", "free spins no deposit", "real money online casino",
             "non gamstop casinos", "casino online", "bitcoin casino", "fast payout casinos",
             "play poker online", "best betting sites", "casino bonus", "new online casinos",
             "roulette online", "instant withdrawal casino", "casinos not on gamstop", "real money slots",
             "best online casinos", "no deposit casino bonus", "mobile casino"]
EN_LOAN = ["payday loans online", "payday loans no credit check", "no credit check loans",
           "guaranteed approval loans", "same day payday loans", "instant payday loans",
           "cash advance online", "title loans online", "installment loans online", "faxless payday loans",
           "payday loans near me", "fast cash loans", "payday loans direct lender",
           "bad credit loans guaranteed approval", "online payday loans", "easy payday loans"]
KO_GAMBLING = ["카지노사이트", "바카라사이트", "토토사이트", "먹튀검증", "안전놀이터추천", "메이저놀이터",
               "온라인슬롯", "에볼루션카지노", "꽁머니", "슬롯사이트", "인터넷바카라", "파워볼사이트",
               "메이저사이트", "라이브바카라", "토토사이트추천", "카지노사이트 추천", "먹튀사이트",
               "우리카지노", "가입머니", "메이저토토", "에볼루션바카라"]
ID_GAMBLING = ["slot gacor", "situs slot gacor", "judi slot online", "togel hongkong", "togel singapore",
               "bocoran rtp slot", "slot maxwin", "gampang maxwin", "bonus new member", "slot deposit pulsa",
               "agen bola terpercaya", "slot88", "link slot gacor", "scatter hitam",
               "akun pro thailand", "slot server thailand", "situs togel", "bandar slot", "togel online",
               "pola gacor", "slot thailand", "toto macau", "live draw sgp"]
RU_CASINO = ["казино онлайн", "казино вулкан", "азино 777", "бездепозитный бонус", "игровые автоматы онлайн",
             "играть в игровые автоматы", "казино на реальные деньги",
             "фриспины за регистрацию", "лучшие онлайн казино", "джойказино", "пин ап казино",
             "слоты онлайн", "вулкан старс", "зеркало казино", "игровые автоматы на деньги",
             "рейтинг онлайн казино"]
RU_LOAN = ["займ онлайн", "займы на карту", "микрозаймы онлайн", "займ на карту без отказа", "кредит без отказа",
           "деньги в долг без отказа", "срочный займ на карту", "первый займ бесплатно", "займы онлайн",
           "микрозайм онлайн", "кредит без проверки", "займ без отказа"]
RU_DIPLOMA = ["диплом купить", "купить аттестат", "диплом о высшем образовании купить",
              "купить водительские права", "купить диплом с занесением в реестр", "куплю диплом",
              "аттестат купить", "купить права без экзамена", "дипломы купить", "купить водительское удостоверение",
              "диплом с проводкой"]

TERM_POOLS = {"zh-gambling": None, "en-pharma": EN_PHARMA, "en-casino": EN_CASINO, "en-loan": EN_LOAN,
              "ko-gambling": KO_GAMBLING, "id-gambling": ID_GAMBLING, "ru-casino": RU_CASINO,
              "ru-loan": RU_LOAN, "ru-diploma": RU_DIPLOMA}


def contact_string(rng, flavour):
    """A messenger-id contact line. flavour: zh, ko, ja."""
    letters = rng.choice(["wx", "lily", "sh", "vip", "mm", "bjl", "tt", "anna", "xiaomei", "kk"])
    wx = letters + str(rng.randint(10000, 99999999))
    if len(letters) >= 3 and rng.random() < 0.5:
        wx = letters + str(rng.randint(100, 9999))
    qq = str(rng.randint(10000000, 3999999999))
    handle = rng.choice(["vip", "major", "toto", "casino", "kor", "bet"]) + "_" + \
        rng.choice(["toto", "kr", "vip", "club", "bet"]) + str(rng.randint(10, 999))
    line = rng.choice(["brand", "copy", "shop", "tokyo", "vip"]) + str(rng.randint(100, 9999))
    if flavour == "ko":
        return rng.choice([f"텔레그램 @{handle}", f"카톡: @{handle}", f"텔레그램: @{handle}", f"카카오톡 @{handle}"])
    if flavour == "ja":
        return rng.choice([f"LINE ID：{line}", f"LINE ID: {line}", f"ライン ID：{line}"])
    forms = [f"加微信：{wx}", f"微信：{wx}", f"微信号 {wx}", f"加V：{wx}", f"QQ：{qq}", f"QQ号 {qq}",
             f"扣扣：{qq}", f"薇{rng.randint(1000, 9999)}〓{rng.randint(1000, 9999)}", f"加微信 {wx}",
             f"电报 @{handle}", f"加LINE：{line}"]
    return rng.choice(forms)


# Which messenger labels contact bait uses; set per page from the spam it accompanies.
CONTACT_FLAVOUR = {"ko": "ko", "ja": "ja"}


def family_term(fam, rng, host_lang):
    same = FAMILY_LANG[fam] == host_lang
    if fam == "zh-escort":
        return zh_escort_term(rng, same)
    if fam == "zh-gambling":
        return zh_gambling_term(rng, same)
    if fam == "ja-counterfeit":
        return ja_term(rng, same)
    if fam == "contact":
        flav = CONTACT_FLAVOUR.get(host_lang, "zh")
        if flav == "ja" and rng.random() < 0.4:
            flav = "zh"
        return contact_string(rng, flav)
    term = rng.choice(TERM_POOLS[fam])
    if fam.startswith("en-") and rng.random() < 0.3:
        term = term.title() if rng.random() < 0.5 else term[0].upper() + term[1:]
    if fam.startswith("ru-") and rng.random() < 0.3:
        term = term[0].upper() + term[1:]
    if fam == "id-gambling" and rng.random() < 0.25:
        term = term.title()
    return term


def distinct_terms(fam, rng, host_lang, k):
    out, tries = [], 0
    while len(out) < k and tries < 50:
        t = family_term(fam, rng, host_lang)
        tries += 1
        if all(t.lower() not in o.lower() and o.lower() not in t.lower() for o in out):
            out.append(t)
    return out


def cap(s):
    return s[0].upper() + s[1:]


def family_block(fam, rng, host_lang, kind):
    """A run of spam text for a hidden block, a comment or a stray line: (text, must)."""
    k = rng.choice([2, 3, 3, 4]) if kind != "comment" else rng.choice([1, 2, 2, 3])
    if fam == "contact":
        flav = CONTACT_FLAVOUR.get(host_lang, "zh")
        c1 = contact_string(rng, flav)
        parts = [c1]
        musts = [c1]
        if rng.random() < 0.5:
            c2 = contact_string(rng, flav)
            if c2.split()[0][:2] != c1.split()[0][:2]:
                parts.append(c2)
                musts.append(c2)
        lead = {"zh": ["兼职交友 真实可靠", "同城交友", "美女兼职 诚信第一", "寂寞交友 24小时在线",
                       "高薪兼职 日结"],
                "ko": ["VIP 전용 상담", "24시간 상담 가능", "문의 환영"],
                "ja": ["お問い合わせはこちら", "即日発送", "ご注文は"]}[flav]
        return rng.choice(lead) + " " + " ".join(parts), musts
    terms = distinct_terms(fam, rng, host_lang, k)
    musts = list(terms[:3])
    if fam in ("zh-escort", "zh-gambling"):
        sep = rng.choice([" ", " | ", "，", "_", "、", " "])
        filler = rng.choice(["", " 诚信第一", " 24小时服务", " 真实可靠", " 欢迎咨询", " 官方网站", " 信誉保证"])
        text = sep.join(terms) + filler
        if rng.random() < 0.4:
            c = contact_string(rng, "zh")
            text += " " + c
            musts.append(c)
        return text, musts
    if fam == "ja-counterfeit":
        sep = rng.choice([" ", "、", " | ", "／"])
        filler = rng.choice(["", " 激安通販", " 送料無料", " 代引き対応", " 人気新作", " 本物品質"])
        text = sep.join(terms) + filler
        if rng.random() < 0.2:
            c = contact_string(rng, "ja")
            text += " " + c
            musts.append(c)
        return text, musts
    if fam == "ko-gambling":
        sep = rng.choice([" | ", " ", ", ", " · "])
        filler = rng.choice(["", " 24시간 상담", " 보증업체", " 가입 즉시 지급"])
        text = sep.join(terms) + filler
        if rng.random() < 0.45:
            c = contact_string(rng, "ko")
            text += " " + c
            musts.append(c)
        return text, musts
    t = terms + [""] * 4
    if fam == "en-pharma":
        forms = [f"{cap(t[0])} at the lowest prices. {cap(t[1])} shipped worldwide, discreet packaging." if t[1] else f"{cap(t[0])} at the lowest prices.",
                 f"Looking for {t[0]}? Our pharmacy has {', '.join(x for x in t[1:] if x) or 'it all'}. Fast delivery.",
                 " | ".join(x for x in terms)]
    elif fam == "en-casino":
        forms = [f"{cap(t[0])} 2024: {', '.join(x for x in t[1:] if x) or 'claim your bonus today'}. Play now!",
                 f"Looking for the {t[0]}? We compare {', '.join(x for x in t[1:] if x) or 'every offer'} for UK players.",
                 " | ".join(terms)]
    elif fam == "en-loan":
        forms = [f"Need cash fast? {cap(t[0])}{', ' + ', '.join(x for x in t[1:] if x) if t[1] else ''}. Apply in 2 minutes!",
                 f"{cap(t[0])} - money in your account today. {', '.join(cap(x) for x in t[1:] if x)}".rstrip(),
                 " | ".join(terms)]
    elif fam == "id-gambling":
        forms = [f"{cap(t[0])} hari ini{', ' + ', '.join(x for x in t[1:] if x) if t[1] else ''}. Daftar sekarang!",
                 f"Daftar {t[0]} terpercaya: {', '.join(x for x in t[1:] if x) or 'link alternatif 24 jam'}.",
                 " | ".join(terms)]
        if rng.random() < 0.3:
            forms = [f + f" WA: 08{rng.randint(100000000, 999999999)}" for f in forms]
    elif fam.startswith("ru-"):
        tail = "Рабочее зеркало на сегодня." if fam == "ru-casino" else "Вывод на карту без комиссии."
        forms = [f"{cap(t[0])} — {', '.join(x for x in t[1:] if x) or 'регистрация за 1 минуту'}. {tail}",
                 f"{cap(t[0])} на официальном сайте: {', '.join(x for x in t[1:] if x) or 'быстро и надёжно'}.",
                 " | ".join(terms)]
    else:
        raise ValueError(fam)
    text = rng.choice(forms)
    # only the terms the chosen wording uses, as the page shows them (maybe capitalised)
    musts = [m if m in text else cap(m) for m in musts if normalise(m) in normalise(text)]
    return text, musts


DOMAINS = {"zh-escort": ["sh419.example", "lf-bbs.example", "ai-sh.example"],
           "zh-gambling": ["bjl88.example", "hg-sports.example", "js-ylc.example"],
           "ja-counterfeit": ["brand-copy.example", "copyshop-jp.example"],
           "en-pharma": ["rx-store.example", "pills24.example"],
           "en-casino": ["casino-top.example", "spins-guide.example"],
           "en-loan": ["fastcash-now.example", "payday-direct.example"],
           "ko-gambling": ["toto-major.example", "casino-site.example"],
           "id-gambling": ["gacor77.example", "slot-maxwin.example"],
           "ru-casino": ["vulkan-club.example", "azino-mirror.example"],
           "ru-loan": ["zaim-online.example", "dengi-srazu.example"],
           "ru-diploma": ["diplom-msk.example", "attestat24.example"],
           "contact": ["wx-club.example"]}

LINK_LABEL = {"zh": ["友情链接", "合作伙伴", "热门推荐"], "ja": ["相互リンク", "おすすめ"],
              "ko": ["제휴사이트", "추천 사이트"], "id": ["Link Alternatif", "Situs Terkait"],
              "ru": ["Партнёры", "Полезные ссылки"], "en": ["Partners", "Sponsored links", "Useful links"]}


def family_links(fam, rng, host_lang):
    """A list of (anchor text, url) for a link block, and a label."""
    k = rng.choice([3, 3, 4, 5])
    terms = distinct_terms(fam, rng, host_lang, k)
    dom = rng.choice(DOMAINS[fam])
    links = []
    for i, t in enumerate(terms):
        path = "" if i == 0 else rng.choice(["p/", "go/", "bonus/", "vip/", "list/"]) + str(rng.randint(1, 99)) + "/"
        links.append((t, f"https://{dom}/{path}"))
    label = rng.choice(LINK_LABEL.get(FAMILY_LANG[fam], ["Links"]))
    return links, label, terms[:3]


SPAM_AUTHORS = {"zh-escort": ["小美", "同城交友", "阿玲", "上海小雅", "夜来香"],
                "zh-gambling": ["娱乐城客服", "bjl888", "财神到", "官方客服"],
                "contact": ["小雪", "兼职客服", "lily", "vip客服"],
                "ja-counterfeit": ["ブランド館", "コピー専門店", "激安ショップ"],
                "en-pharma": ["Mark Ellison", "BestDealsPharmacy", "jessica_r"],
                "en-casino": ["casino guide", "Lucky Spins", "Oliver T."],
                "en-loan": ["QuickCash Team", "Jenny Carter", "loanhelper"],
                "ko-gambling": ["토토맨", "먹튀폴리스", "카지노매니아"],
                "id-gambling": ["slotgacor88", "Admin Gacor", "Bocoran RTP"],
                "ru-casino": ["Алексей", "Вулкан Клуб"], "ru-loan": ["Финансовый помощник", "Марина"],
                "ru-diploma": ["Диплом-Центр", "Игорь"]}

# ---------------------------------------------------------------------------------------
# Obfuscations of injected strings.
# ---------------------------------------------------------------------------------------

ZW_CHARS = ["\u200b", "\u200c", "\u200d", "\u2060"]


def has_ascii_alnum(s):
    return any(c.isascii() and c.isalnum() for c in s)


def enc_entities(s, rng):
    hexa = rng.random() < 0.6
    only_non_ascii = any(ord(c) > 127 for c in s) and rng.random() < 0.4
    out = []
    for ch in s:
        if ch == " " or (only_non_ascii and ord(ch) < 128):
            out.append(html.escape(ch))
        else:
            out.append(f"&#x{ord(ch):X};" if hexa else f"&#{ord(ch)};")
    return "".join(out)


def enc_fullwidth(s, rng):
    ideo = rng.random() < 0.4
    out = []
    for ch in s:
        if 0x21 <= ord(ch) <= 0x7E:
            out.append(chr(ord(ch) + 0xFEE0))
        elif ch == " " and ideo:
            out.append("\u3000")
        else:
            out.append(ch)
    return "".join(out)


def enc_zero_width(s, rng):
    zw = rng.choice(ZW_CHARS + (["\u00ad"] if s.isascii() else []))
    p = rng.choice([1.0, 0.6])
    out, inserted = [], False
    for i, ch in enumerate(s):
        out.append(ch)
        nxt = s[i + 1] if i + 1 < len(s) else " "
        if ch != " " and nxt != " " and (rng.random() < p or (not inserted and i == 0)):
            out.append(zw)
            inserted = True
    return "".join(out)


def obfuscate(s, enc, rng, fmt):
    """The injected string as it stands in the page: HTML-ready for fmt 'html'."""
    if enc == "entity":
        assert fmt == "html"
        return enc_entities(s, rng)
    if enc == "fullwidth":
        s = enc_fullwidth(s, rng)
    elif enc == "zw":
        s = enc_zero_width(s, rng)
    return html.escape(s) if fmt == "html" else s


def normalise(s):
    s = unicodedata.normalize("NFKC", s)
    for z in ZW_CHARS + ["\ufeff", "\u00ad"]:
        s = s.replace(z, "")
    return s.lower()


# ---------------------------------------------------------------------------------------
# Pages.
# ---------------------------------------------------------------------------------------

HTML_TEMPLATES = ["blog", "news", "minimal", "magazine"]
TEXT_TEMPLATES = ["emoji", "byline", "bare"]


def esc(s):
    return html.escape(s, quote=False)


def attr(s):
    return html.escape(s, quote=True)


def inline_code(s):
    """Paragraph text with `code` spans (write-ups) as HTML."""
    parts = s.split("`")
    return "".join(f"<code>{esc(p)}</code>" if i % 2 else esc(p) for i, p in enumerate(parts))


def glue(pos, sep, inj, base):
    return inj + sep + base if pos == "start" else base + sep + inj


class Page:
    def __init__(self, art, fmt, template, rng):
        self.art, self.fmt, self.template, self.rng = art, fmt, template, rng
        self.ui = UI[art["lang"] if art["lang"] in UI else "en"]
        self.html_lang = HTML_LANG[art["lang"]]
        self.charset = None            # (label, codec) or None for UTF-8
        self.title_pre = self.title_post = ""
        self.kw_extra = []
        self.desc_pre = ""
        self.og = template in ("news", "magazine") or rng.random() < 0.3
        self.og_pre = ""
        self.byline_extra = ""
        self.h1_inj = None
        self.heading_inj = {}
        self.block_inj = {}
        self.after_block = {}
        self.body_start, self.footer_extra, self.body_end, self.head_extra = [], [], [], []
        self.comments = None
        self.lang_menu = None
        self.hidden_menu = None
        self.para_lang_attrs = rng.random() < 0.5
        self.time = f"{rng.randint(6, 21):02d}:{rng.choice(['05', '10', '20', '30', '45', '50'])}"
        self.views = rng.choice([12, 87, 318, 1204, 2415, 56, 733])
        secs = art["sections"]
        keep = list(range(len(secs)))
        if len(secs) >= 4 and rng.random() < 0.3:
            keep.remove(rng.randrange(1, len(secs)))
        self.keep = keep

    # -- helpers for placements --
    def heading_slots(self):
        return [i for i in self.keep if self.art["sections"][i]["h"] and i not in self.heading_inj]

    def block_slots(self, kind):
        out = []
        for i in self.keep:
            for j, b in enumerate(self.art["sections"][i]["blocks"]):
                if b[0] == kind and (i, j) not in self.block_inj:
                    out.append((i, j))
        return out

    def all_block_slots(self):
        return [(i, j) for i in self.keep for j in range(len(self.art["sections"][i]["blocks"]))]

    def add_after(self, slot, item):
        self.after_block.setdefault(slot, []).append(item)

    def honest_comments(self):
        if self.comments is None:
            pool = HONEST_COMMENTS[self.art["lang"]]
            n = self.rng.choice([1, 2, 2, 3])
            picks = self.rng.sample(pool, min(n, len(pool)))
            html_fmt = self.fmt == "html"
            self.comments = [(esc(a) if html_fmt else a, self.rng.choice(self.ui["when"]),
                              esc(t) if html_fmt else t) for a, t in picks]
        return self.comments

    # -- rendering --
    def render(self):
        return self.render_html() if self.fmt == "html" else self.render_text()

    def title_text(self):
        a = self.art
        t = self.title_pre + (esc(a["title"]) if self.fmt == "html" else a["title"]) + self.title_post
        return t

    def render_html(self):
        a, ui, T = self.art, self.ui, self.template
        L = []
        L.append("<!DOCTYPE html>")
        L.append(f'<html lang="{self.html_lang}">' if self.html_lang else "<html>")
        L.append("<head>")
        label = self.charset[0] if self.charset else "utf-8"
        if T == "news":
            L.append(f'<meta http-equiv="Content-Type" content="text/html; charset={label}">')
        else:
            L.append(f'<meta charset="{label}">')
        L.append('<meta name="viewport" content="width=device-width, initial-scale=1">')
        site = esc(a["site"])
        title = self.title_text()
        full = {"blog": f"{title} - {site}", "news": f"{title} | {site}", "minimal": title,
                "magazine": f"{title} &ndash; {site}"}[T]
        L.append(f"<title>{full}</title>")
        if T != "minimal" or self.desc_pre:
            L.append(f'<meta name="description" content="{self.desc_pre}{attr(a["desc"])}">')
        if T != "minimal" or self.kw_extra:
            kw = attr(a["keywords"])
            if self.kw_extra:
                kw += "," + ",".join(self.kw_extra)
            L.append(f'<meta name="keywords" content="{kw}">')
        if self.og or self.og_pre:
            L.append(f'<meta property="og:type" content="article">')
            L.append(f'<meta property="og:title" content="{self.og_pre}{attr(a["title"])}">')
            L.append(f'<meta property="og:description" content="{attr(a["desc"])}">')
            L.append(f'<meta property="og:site_name" content="{attr(a["site"])}">')
        if self.lang_menu:
            for code, _ in NATIVE_NAMES[:8] if self.lang_menu == "select" else NATIVE_NAMES:
                L.append(f'<link rel="alternate" hreflang="{code}" href="/{code.lower()}/{a["key"]}/">')
        if T in ("blog", "magazine"):
            L.append("<style>\nbody { font-family: Georgia, serif; max-width: 44rem; margin: 0 auto; }\n"
                     ".meta, .byline { color: #666; font-size: 0.9rem; }\n</style>")
        L.extend(self.head_extra)
        L.append("</head>")
        L.append("<body>")
        L.extend(self.body_start)
        # header
        L.extend(self.render_header())
        # article
        if T == "blog":
            L.append('<main>\n<article>')
        elif T == "news":
            L.append(f'<div class="breadcrumbs"><a href="/">{esc(ui["home"])}</a> &rsaquo; <a href="/{a["key"]}/">{esc(a["tag"])}</a></div>')
            L.append('<div class="entry">')
        elif T == "magazine":
            L.append('<div class="wrap">\n<div class="content">\n<article class="post">')
        h1 = esc(a["title"])
        if self.h1_inj:
            h1 = glue(*self.h1_inj, h1)
        L.append(f'<h1 class="entry-title">{h1}</h1>' if T == "news" else f"<h1>{h1}</h1>")
        L.append(self.byline_html())
        if T == "news":
            L.append('<div class="entry-content">')
        for i in self.keep:
            sec = a["sections"][i]
            if sec["h"]:
                h = esc(sec["h"])
                if i in self.heading_inj:
                    h = glue(*self.heading_inj[i], h)
                L.append(f"<h2>{h}</h2>" if T != "news" else f'<h2 class="sub">{h}</h2>')
            for j, b in enumerate(sec["blocks"]):
                L.append(self.block_html(i, j, b))
                L.extend(self.after_block.get((i, j), []))
        if T == "news":
            L.append("</div>\n</div>")
            L.append(f'<aside class="related"><h3>{esc(ui["related"])}</h3><ul>')
            for k, s in enumerate(ui["sub"][:3]):
                L.append(f'<li><a href="/{a["key"]}-{k + 1}/">{esc(s)}: {esc(a["tag"])}</a></li>')
            L.append("</ul></aside>")
        elif T == "blog":
            L.append("</article>")
        elif T == "magazine":
            L.append("</article>")
        if self.comments:
            L.extend(self.comments_html())
        if T == "blog":
            L.append("</main>")
        elif T == "magazine":
            L.append("</div>")
            L.append(f'<div class="sidebar"><h3>{esc(ui["popular"])}</h3><ol>')
            for slug, s in zip(["local", "business", "sport", "culture"], ui["sub"]):
                L.append(f'<li><a href="/{slug}/">{esc(s)}</a></li>')
            L.append("</ol></div>\n</div>")
        # footer
        year = a["date"][:4]
        if T == "minimal":
            L.append(f"<hr>\n<p>&copy; {year} {site}</p>")
            L.extend(self.footer_extra)
        else:
            L.append('<footer>' if T != "news" else '<div id="footer">')
            L.append(f"<p>&copy; {year} {site}. {esc(ui['rights'])}</p>")
            L.append(f'<p><a href="/privacy/">{esc(ui["privacy"])}</a> &middot; <a href="/contact/">{esc(ui["contact"])}</a></p>')
            L.extend(self.footer_extra)
            L.append('</footer>' if T != "news" else '</div>')
        L.extend(self.body_end)
        L.append("</body>\n</html>\n")
        return "\n".join(L)

    def render_header(self):
        a, ui, T = self.art, self.ui, self.template
        L = []
        if T == "minimal" and not self.hidden_menu and not self.lang_menu:
            return L
        L.append("<header>")
        L.append(f'<a href="/" class="logo">{esc(a["site"])}</a>')
        if self.hidden_menu:
            L.extend(hidden_menu_html(self.hidden_menu, ui, self.head_extra))
        else:
            L.append(f'<nav><a href="/">{esc(ui["home"])}</a> <a href="/news/">{esc(ui["news"])}</a> '
                     f'<a href="/about/">{esc(ui["about"])}</a> <a href="/contact/">{esc(ui["contact"])}</a></nav>')
        if self.lang_menu:
            L.extend(lang_menu_html(self.lang_menu, a["lang"], a["key"]))
        L.append("</header>")
        return L

    def byline_html(self):
        a, ui, T = self.art, self.ui, self.template
        x = self.byline_extra
        date = a["date"]
        if T == "blog":
            return f'<p class="meta">{esc(ui["by"])} {esc(a["author"])} &middot; {date} &middot; {esc(a["tag"])}{x}</p>'
        if T == "news":
            return (f'<div class="entry-meta"><span class="date">{date} {self.time}</span> '
                    f'<span class="author">{esc(ui["by"])} {esc(a["author"])}</span> '
                    f'<span class="tags">{esc(ui["tags"])}: <a href="/tag/{a["key"]}/">{esc(a["tag"])}</a>{x}</span></div>')
        if T == "minimal":
            return f"<p><em>{esc(a['author'])}, {date}</em>{x}</p>"
        return (f'<div class="byline"><span class="author">{esc(a["author"])}</span> | <time datetime="{date}">{date}</time>'
                f' | <span class="cat">{esc(a["tag"])}{x}</span></div>')

    def block_html(self, i, j, b):
        kind = b[0]
        inj = self.block_inj.get((i, j))
        if kind == "p":
            text = inline_code(b[2])
            if inj:
                text = glue(inj[0], inj[1], inj[2], text)
            la = f' lang="{b[1]}"' if b[1] and self.para_lang_attrs else ""
            return f"<p{la}>{text}</p>"
        if kind == "pre":
            return f"<pre><code>{esc(b[2])}</code></pre>"
        items = []
        for k, it in enumerate(b[2]):
            t = esc(it)
            if inj and inj[3] == k:
                t = glue(inj[0], inj[1], inj[2], t)
            items.append(f"<li>{t}</li>")
        return "<ul>\n" + "\n".join(items) + "\n</ul>"

    def comments_html(self):
        ui = self.ui
        L = [f'<section id="comments" class="comments">', f"<h3>{esc(ui['comments'])} ({len(self.comments)})</h3>", "<ol>"]
        for author, when, text in self.comments:
            L.append(f'<li class="comment"><p class="comment-author"><strong>{author}</strong> &middot; {esc(when)}</p>')
            L.append(f"<p>{text}</p></li>")
        L.append("</ol>\n</section>")
        return L

    def render_text(self):
        a, ui, T = self.art, self.ui, self.template
        L = [self.title_text(), ""]
        if T == "emoji":
            L += [f"📅 {a['date']} {self.time} 🏷 {a['tag']}{self.byline_extra} 👁 {self.views}", ""]
        elif T == "byline":
            L += [f"{ui['by']} {a['author']} | {a['date']}{self.byline_extra}", ""]
        for i in self.keep:
            sec = a["sections"][i]
            if sec["h"]:
                h = sec["h"]
                if i in self.heading_inj:
                    h = glue(*self.heading_inj[i], h)
                L += [h, ""]
            for j, b in enumerate(sec["blocks"]):
                inj = self.block_inj.get((i, j))
                if b[0] == "p":
                    t = b[2].replace("`", "")
                    if inj:
                        t = glue(inj[0], inj[1], inj[2], t)
                    L += [t, ""]
                else:
                    bullet = "- " if T != "emoji" else "• "
                    for k, it in enumerate(b[2]):
                        if inj and inj[3] == k:
                            it = glue(inj[0], inj[1], inj[2], it)
                        L.append(bullet + it)
                    L.append("")
                for extra in self.after_block.get((i, j), []):
                    L += [extra, ""]
        if self.comments:
            L += [f"{ui['comments']} ({len(self.comments)})", ""]
            for author, when, text in self.comments:
                L += [f"{author}, {when}", text, ""]
        for extra in self.footer_extra:
            L += [extra, ""]
        while L and L[-1] == "":
            L.pop()
        return "\n".join(L) + "\n"


def hidden_menu_html(kind, ui, head_extra):
    """An honest navigation whose submenu or mobile copy is hidden (same-site links)."""
    subs = ui["sub"]
    slugs = ["local", "business", "sport", "culture"]
    sub_items = "\n".join(f'<li><a href="/news/{slug}/">{esc(s)}</a></li>' for slug, s in zip(slugs, subs))
    if kind == "inline":
        return ['<nav class="main-nav"><ul>',
                f'<li><a href="/">{esc(ui["home"])}</a></li>',
                f'<li class="has-sub"><a href="/news/">{esc(ui["news"])}</a>',
                f'<ul class="sub-menu" style="display:none">\n{sub_items}\n</ul></li>',
                f'<li><a href="/about/">{esc(ui["about"])}</a></li>',
                f'<li><a href="/contact/">{esc(ui["contact"])}</a></li>', "</ul></nav>"]
    if kind == "class":
        head_extra.append("<style>\n.dropdown { display: none; }\n.has-dropdown:hover .dropdown { display: block; }\n</style>")
        return ['<nav class="main-nav"><ul>',
                f'<li><a href="/">{esc(ui["home"])}</a></li>',
                f'<li class="has-dropdown"><a href="/news/">{esc(ui["news"])}</a>',
                f'<ul class="dropdown">\n{sub_items}\n</ul></li>',
                f'<li><a href="/contact/">{esc(ui["contact"])}</a></li>', "</ul></nav>"]
    if kind == "mobile":
        return [f'<a class="skip-link" href="#main" style="position:absolute;left:-9999px">{esc(ui["skip"])}</a>',
                f'<nav><a href="/">{esc(ui["home"])}</a> <a href="/news/">{esc(ui["news"])}</a> <a href="/contact/">{esc(ui["contact"])}</a></nav>',
                f'<button class="menu-toggle" aria-controls="mobile-nav">&#9776;</button>',
                f'<div id="mobile-nav" hidden>\n<ul>\n<li><a href="/">{esc(ui["home"])}</a></li>\n{sub_items}\n'
                f'<li><a href="/about/">{esc(ui["about"])}</a></li>\n</ul>\n</div>']
    raise ValueError(kind)


def lang_menu_html(kind, page_lang, key):
    if kind == "select":
        opts = "\n".join(f'<option value="/{c.lower()}/{key}/"{" selected" if c == page_lang else ""}>{n}</option>'
                         for c, n in NATIVE_NAMES[:8])
        return [f'<form class="lang"><select name="lang" onchange="location=this.value">\n{opts}\n</select></form>']
    items = []
    for c, n in NATIVE_NAMES:
        la = f' lang="{c}"' if kind == "attrs" else ""
        cur = ' aria-current="page"' if c == page_lang else ""
        items.append(f'<li><a href="/{c.lower()}/{key}/" hreflang="{c}"{la}{cur}>{n}</a></li>')
    return ['<ul class="language-menu">'] + items + ["</ul>"]

# ---------------------------------------------------------------------------------------
# Injections.
# ---------------------------------------------------------------------------------------

HIDDEN = ["hidden-display", "hidden-visibility", "hidden-offscreen", "hidden-font0", "hidden-class",
          "hidden-attr"]
PLACEMENTS = ["title", "meta-keywords", "meta-description", "og-title",
              "heading-start-glued", "heading-start-space", "heading-end-glued", "heading-end-space",
              "byline", "para-start", "para-end", "list-item"] + HIDDEN + \
             ["footer-links", "comment", "attr-alt", "attr-title", "line"]
HTML_ONLY = set(HIDDEN) | {"meta-keywords", "meta-description", "og-title", "attr-alt", "attr-title"}
LATIN_FAMILIES = {"en-pharma", "en-casino", "en-loan", "id-gambling"}


def wrap_hidden(kind, inner, rng, page):
    if kind == "hidden-display":
        style = rng.choice(["display:none", "display: none;", "DISPLAY:none"])
        tag = rng.choice(["div", "div", "span"])
        return f'<{tag} style="{style}">{inner}</{tag}>'
    if kind == "hidden-visibility":
        return f'<div style="visibility:hidden;height:0;overflow:hidden">{inner}</div>'
    if kind == "hidden-offscreen":
        style = rng.choice(["position:absolute;left:-9999px;top:-9999px", "position:absolute; left:-10000px",
                            "text-indent:-9999px;overflow:hidden;height:1px"])
        return f'<div style="{style}">{inner}</div>'
    if kind == "hidden-font0":
        style = rng.choice(["font-size:0", "font-size:0px;line-height:0", "font-size: 0px"])
        tag = rng.choice(["p", "div", "span"])
        return f'<{tag} style="{style}">{inner}</{tag}>'
    if kind == "hidden-class":
        cls = rng.choice(["xk9", "wp-footer-ext", "sp_c", "seo-box", "clr2", "ft-inner"])
        rule = rng.choice(["display:none", "position:absolute;left:-9999px", "visibility:hidden",
                           "height:0;overflow:hidden;font-size:0"])
        page.head_extra.append(f"<style>\n.{cls} {{{rule}}}\n</style>")
        return f'<div class="{cls}">{inner}</div>'
    if kind == "hidden-attr":
        return f"<div hidden>{inner}</div>"
    raise ValueError(kind)


def apply_injection(page, fam, pl, enc, rng):
    """Put one injection into the page. Returns (must strings, injected length in characters)
    or None when the page has no room for it."""
    fmt, host, ui = page.fmt, page.art["lang"], page.ui
    if pl in HTML_ONLY and fmt != "html":
        return None
    if enc == "entity" and fmt != "html":
        enc = "zw"

    def ob(s):
        e = enc
        if e == "fullwidth" and not has_ascii_alnum(s):
            e = "zw"
        return obfuscate(s, e, rng, fmt)

    latin = fam in LATIN_FAMILIES or fam.startswith("ru-")
    if pl == "title":
        t = family_term(fam, rng, host)
        sep = rng.choice([" ", " - ", " | "] if latin else ["", " ", "_", "|", " "])
        o = ob(t)
        if not page.title_pre and (rng.random() < 0.5 or page.title_post):
            page.title_pre = o + sep
        elif not page.title_post:
            page.title_post = sep + o
        else:
            return None
        return [t], len(o)
    if pl == "meta-keywords":
        terms = distinct_terms(fam, rng, host, rng.choice([1, 2, 3]))
        os_ = [ob(t) for t in terms]
        page.kw_extra += os_
        return terms, sum(map(len, os_))
    if pl == "meta-description":
        if page.desc_pre:
            return None
        t = family_term(fam, rng, host)
        o = ob(t)
        page.desc_pre = o + rng.choice([", ", " - ", " ", "，"] if not latin else [", ", " - ", ". "])
        return [t], len(o)
    if pl == "og-title":
        if page.og_pre:
            return None
        t = family_term(fam, rng, host)
        o = ob(t)
        page.og_pre = o + rng.choice([" ", " - ", "_"])
        page.og = True
        return [t], len(o)
    if pl.startswith("heading-"):
        pos = "start" if "start" in pl else "end"
        sep = "" if pl.endswith("glued") else " "
        t = family_term(fam, rng, host)
        o = ob(t)
        slots = page.heading_slots()
        if fmt == "html" and page.h1_inj is None and (rng.random() < 0.2 or not slots):
            page.h1_inj = (pos, sep, o)
        elif slots:
            page.heading_inj[rng.choice(slots)] = (pos, sep, o)
        else:
            return None
        return [t], len(o)
    if pl == "byline":
        if page.byline_extra or (fmt == "text" and page.template == "bare"):
            return None
        t = family_term(fam, rng, host)
        o = ob(t)
        page.byline_extra = rng.choice(["", " ", ", "] if not latin else [" ", ", ", " · "]) + o
        return [t], len(o)
    if pl in ("para-start", "para-end", "list-item"):
        slots = page.block_slots("list" if pl == "list-item" else "p")
        if not slots:
            return None
        slot = rng.choice(slots)
        t = family_term(fam, rng, host)
        o = ob(t)
        pos = "start" if pl == "para-start" else "end" if pl == "para-end" else rng.choice(["start", "end"])
        sep = rng.choice(["", " "]) if not latin else " "
        item = rng.randrange(len(page.art["sections"][slot[0]]["blocks"][slot[1]][2])) if pl == "list-item" else None
        page.block_inj[slot] = (pos, sep, o, item)
        return [t], len(o)
    if pl in HIDDEN:
        if rng.random() < 0.55:
            text, musts = family_block(fam, rng, host, "hidden")
            o = ob(text)
            inner = rng.choice([o, f"<p>{o}</p>", f"\n<p>{o}</p>\n"])
            size = len(o)
        else:
            links, _, musts = family_links(fam, rng, host)
            anchors = [f'<a href="{u}">{ob(t)}</a>' for t, u in links]
            inner = "\n" + rng.choice(["\n", " ", " | "]).join(anchors) + "\n"
            size = len(inner)
        block = wrap_hidden(pl, inner, rng, page)
        where = rng.choice(["after", "after", "start", "footer", "end"])
        if where == "after":
            page.add_after(rng.choice(page.all_block_slots()), block)
        elif where == "start":
            page.body_start.append(block)
        elif where == "footer":
            page.footer_extra.append(block)
        else:
            page.body_end.append(block)
        return musts, size
    if pl == "footer-links":
        links, label, musts = family_links(fam, rng, host)
        if fmt == "html":
            anchors = [f'<a href="{u}">{ob(t)}</a>' for t, u in links]
            block = f'<div class="links">{esc(label)}: ' + rng.choice([" | ", " ", "\n"]).join(anchors) + "</div>"
            if rng.random() < 0.7:
                page.footer_extra.append(block)
            else:
                slots = page.all_block_slots()
                page.add_after(slots[-1], block)
        else:
            block = f"{label}: " + " | ".join(ob(t) for t, _ in links)
            page.footer_extra.append(block)
        return musts, len(block)
    if pl == "comment":
        comments = page.honest_comments()
        text, musts = family_block(fam, rng, host, "comment")
        o = ob(text)
        if fmt == "html" and rng.random() < 0.3:
            o = f'<a href="https://{rng.choice(DOMAINS[fam])}/" rel="nofollow">{o}</a>'
        author = rng.choice(SPAM_AUTHORS.get(fam, ["guest"]))
        comments.insert(rng.randint(0, len(comments)), (esc(author) if fmt == "html" else author,
                                                       rng.choice(ui["when"]), o))
        return musts, len(o)
    if pl in ("attr-alt", "attr-title"):
        t = family_term(fam, rng, host)
        o = ob(t)
        if pl == "attr-alt":
            el = f'<figure><img src="/media/{page.art["key"]}-{rng.randint(1, 40)}.jpg" alt="{o}" width="800" height="533"></figure>'
        else:
            el = f'<p class="more"><a href="/{page.art["key"]}/more/" title="{o}">{esc(ui["related"])}</a></p>'
        page.add_after(rng.choice(page.all_block_slots()), el)
        return [t], len(o)
    if pl == "line":
        text, musts = family_block(fam, rng, host, "line")
        o = ob(text)
        el = f"<p>{o}</p>" if fmt == "html" else o
        page.add_after(rng.choice(page.all_block_slots()), el)
        return musts, len(o)
    raise ValueError(pl)


# ---------------------------------------------------------------------------------------
# Documents.
# ---------------------------------------------------------------------------------------

HOSTS = {
    "zh-escort": [("en", 55), ("ja", 10), ("ko", 7), ("zh", 12), ("de", 4), ("fr", 3), ("es", 3), ("id", 3), ("pl", 2), ("pt", 1)],
    "zh-gambling": [("en", 40), ("zh", 30), ("ja", 10), ("ko", 5), ("de", 5), ("id", 5), ("es", 5)],
    "ja-counterfeit": [("ja", 55), ("en", 45)],
    "en-pharma": [("en", 75), ("de", 8), ("fr", 6), ("es", 5), ("pt", 3), ("pl", 3)],
    "en-casino": [("en", 70), ("de", 8), ("es", 7), ("pt", 5), ("pl", 5), ("fr", 5)],
    "en-loan": [("en", 85), ("es", 5), ("de", 5), ("pl", 5)],
    "ko-gambling": [("ko", 45), ("en", 45), ("ja", 10)],
    "id-gambling": [("id", 45), ("en", 35), ("de", 7), ("es", 7), ("pt", 6)],
    "ru-casino": [("ru", 60), ("en", 25), ("pl", 8), ("de", 7)],
    "ru-loan": [("ru", 70), ("en", 20), ("pl", 10)],
    "ru-diploma": [("ru", 75), ("en", 15), ("pl", 10)],
    "contact": [("en", 45), ("zh", 20), ("ja", 12), ("ko", 12), ("de", 4), ("id", 4), ("es", 3)],
}
COMPANIONS = {"zh-escort": ["contact", "contact", "zh-gambling"], "zh-gambling": ["contact", "zh-escort"],
              "ja-counterfeit": ["contact", "zh-escort"], "en-pharma": ["en-casino", "en-loan"],
              "en-casino": ["en-pharma", "en-loan"], "en-loan": ["en-pharma", "en-casino"],
              "ko-gambling": ["contact", "contact", "zh-gambling"], "id-gambling": ["en-casino", "contact"],
              "ru-casino": ["ru-loan", "ru-diploma"], "ru-loan": ["ru-casino", "ru-diploma"],
              "ru-diploma": ["ru-loan", "ru-casino"], "contact": ["zh-escort", "zh-gambling"]}
WRONG_LANG = {"en": ["de", "zh-CN", "ja", "ru", "fr"]}


def placement_group(pl):
    if pl in ("title", "meta-keywords", "meta-description", "og-title"):
        return "title/meta"
    if pl.startswith("heading-"):
        return "heading"
    if pl in ("para-start", "para-end", "list-item", "line"):
        return "text"
    if pl in HIDDEN:
        return "hidden"
    if pl == "footer-links":
        return "links"
    if pl.startswith("attr-"):
        return "attribute"
    return pl


def weighted(rng, pairs):
    total = sum(w for _, w in pairs)
    x = rng.uniform(0, total)
    for v, w in pairs:
        x -= w
        if x <= 0:
            return v
    return pairs[-1][0]


def articles_in(lang, want_list=False):
    arts = [a for a in ARTICLES.values() if a["lang"] == lang]
    if want_list:
        with_list = [a for a in arts if any(b[0] == "list" for s in a["sections"] for b in s["blocks"])]
        if with_list:
            return with_list
    return arts


def dress(page, rng, p_menu, p_hidden, p_wrong, p_legacy):
    """Page features that honest and spam pages share."""
    lang = page.art["lang"]
    if page.fmt != "html":
        return
    if page.art["kind"] == "bilingual" and rng.random() < 0.5:
        page.html_lang = HTML_LANG[next(b[1] for s in page.art["sections"] for b in s["blocks"] if b[1] and b[1] != "en")]
    if rng.random() < p_menu:
        page.lang_menu = rng.choice(["attrs", "plain", "select"])
    if rng.random() < p_hidden:
        page.hidden_menu = rng.choice(["inline", "class", "mobile"])
    if rng.random() < p_wrong:
        page.html_lang = rng.choice(WRONG_LANG.get(lang, ["en", "en", "en-US"]))
    elif page.template == "minimal" and rng.random() < 0.3:
        page.html_lang = None
    if lang in LEGACY and rng.random() < p_legacy:
        page.charset = LEGACY[lang]


def encode_page(page, text):
    if page.charset:
        return text.encode(page.charset[1], errors="xmlcharrefreplace")
    return text.encode("utf-8")


def page_text_for_check(page, data):
    s = data.decode(page.charset[1] if page.charset else "utf-8")
    if page.fmt == "html":
        s = html.unescape(s)
    return normalise(s)


def make_spam(rng, fam, pl, enc, force_legacy=False):
    hosts = HOSTS[fam]
    if pl == "list-item":
        hosts = [(l, w) for l, w in hosts if any(b[0] == "list" for a in articles_in(l)
                                                  for sec in a["sections"] for b in sec["blocks"])]
    if force_legacy and any(l in LEGACY for l, _ in hosts):
        hosts = [(l, w) for l, w in hosts if l in LEGACY]
    else:
        force_legacy = False
    host_lang = weighted(rng, hosts)
    art = rng.choice(articles_in(host_lang, want_list=(pl == "list-item")))
    if pl in HTML_ONLY or enc == "entity" or force_legacy or rng.random() < 0.5:
        fmt, template = "html", rng.choice(HTML_TEMPLATES)
    else:
        fmt = "text"
        template = rng.choice(["emoji", "byline"] if pl == "byline" else TEXT_TEMPLATES)
    page = Page(art, fmt, template, rng)
    dress(page, rng, 0.12, 0.15, 0.08, 1.0 if force_legacy else 0.3)
    if fmt == "html" and rng.random() < 0.25:
        page.honest_comments()
    flavour = {"ko-gambling": "ko", "ja-counterfeit": "ja"}.get(fam, CONTACT_FLAVOUR.get(host_lang, "zh"))
    CONTACT_FLAVOUR[host_lang] = flavour
    try:
        return _make_spam(rng, page, fam, pl, enc)
    finally:
        CONTACT_FLAVOUR.clear()
        CONTACT_FLAVOUR.update({"ko": "ko", "ja": "ja"})


def _make_spam(rng, page, fam, pl, enc):
    first = apply_injection(page, fam, pl, enc, rng)
    if first is None:
        return None
    musts, size = list(first[0]), first[1]
    n = rng.choice([1, 1, 2, 2, 2, 3, 3, 4])
    used = [(fam, pl, enc)]
    for _ in range(n - 1):
        for _try in range(10):
            fam2 = fam if rng.random() < 0.6 else rng.choice(COMPANIONS[fam])
            pl2 = rng.choice(PLACEMENTS)
            enc2 = rng.choice(["plain"] * 7 + ["zw", "entity", "fullwidth"])
            res = apply_injection(page, fam2, pl2, enc2, rng)
            if res:
                musts += res[0]
                size += res[1]
                used.append((fam2, pl2, enc2))
                break
    seen, must_out = set(), []
    for m in musts:
        k = normalise(m)
        if k not in seen and not any(k in s for s in seen):
            seen.add(k)
            must_out.append(m)
    text = page.render()
    data = encode_page(page, text)
    if size > 0.3 * len(text):
        return None
    return page, data, must_out[:6], used


def make_clean(rng, art, template, force_wrong=False):
    fmt = "html" if template in HTML_TEMPLATES else "text"
    page = Page(art, fmt, template, rng)
    hard = art["kind"] in ("gloss", "names", "bilingual", "quote")
    dress(page, rng, 0.45 if hard else 0.2, 0.25, 0.1, 0.6)
    if force_wrong and fmt == "html" and art["kind"] != "bilingual":
        page.html_lang = rng.choice(WRONG_LANG.get(art["lang"], ["en", "en", "en-US"]))
    if rng.random() < 0.3:
        page.honest_comments()
    text = page.render()
    return page, encode_page(page, text)


def writeup_article(w):
    tag = {"en": "Security", "zh": "运维", "ja": "セキュリティ", "de": "Sicherheit", "ru": "Безопасность",
           "id": "Keamanan"}[w["lang"]]
    sections = [{"h": None, "blocks": []}]
    for kind, text in w["items"]:
        if kind == "h2":
            sections.append({"h": text, "blocks": []})
        else:
            sections[-1]["blocks"].append((kind, None, text))
    first = w["items"][0][1].replace("`", "")
    desc = first if len(first) < 150 else first[:first.rfind(" ", 0, 140)] + " …"
    if w["lang"] in ("zh", "ja"):
        desc = first[:60]
    return dict(key=w["key"], lang=w["lang"], kind="writeup", site=w["site"], author=w["author"],
                date=w["date"], tag=tag, title=w["title"], desc=desc,
                keywords={"en": "security, malware, clean-up", "zh": "网站安全,清理,运维",
                          "ja": "セキュリティ,改ざん,対策", "de": "Sicherheit, WordPress, Bereinigung",
                          "ru": "безопасность, сайт, взлом", "id": "keamanan, situs, pembersihan"}[w["lang"]],
                sections=sections)


# ---------------------------------------------------------------------------------------
# Checks on the generated corpus (a failed check is a bug in this script).
# ---------------------------------------------------------------------------------------

def strong_strings():
    out = set(ZH_GAMBLING + EN_PHARMA + EN_CASINO + EN_LOAN + KO_GAMBLING + ID_GAMBLING + RU_CASINO +
              RU_LOAN + RU_DIPLOMA)
    out |= {c + s for c in CITIES_MAIN + CITIES_MORE for s in ["龙凤419", "夜网", "楼凤", "外围女", "外围模特"]}
    out |= {c + "419" for c in CITIES_419}
    out |= {"爱上海同城419", "爱上海419论坛", "龙凤论坛", "一楼一凤", "スーパーコピー", "ブランドコピー", "n級品",
            "娱乐城", "加微信", "微信：", "qq："}
    return {normalise(s) for s in out}


STRONG = None


def check_clean_text(name, norm_text):
    for s in STRONG:
        if s in norm_text:
            raise SystemExit(f"{name}: clean page contains spam string {s!r}")


def strip_code(s):
    return re.sub(r"<(pre|code)\b.*?</\1>", "", s, flags=re.S)


# ---------------------------------------------------------------------------------------
# Main.
# ---------------------------------------------------------------------------------------

N_SPAM = 168
N_CLEAN = 156


def main():
    global STRONG
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--out", default=os.path.join(root, "fixtures", "eval"))
    args = ap.parse_args()
    STRONG = strong_strings()
    rng = random.Random(SEED)
    docs = {}       # name -> bytes
    labels = {}     # name -> (verdict, must)
    digests = set()
    stats = {"family": {}, "placement": {}, "encoding": {}, "host": {}, "charset": {}, "fmt": {},
             "n_inj": {}, "clean": {}, "matrix": {}}

    def bump(group, key):
        stats[group][key] = stats[group].get(key, 0) + 1

    def add(name, data, verdict, must):
        digest = hashlib.sha256(data).hexdigest()
        if digest in digests:
            return False
        digests.add(digest)
        docs[name] = data
        labels[name] = (verdict, " | ".join(must) if must else "-")
        return True

    # -- spam --
    # Primary injection of each spam document: every family gets every placement group
    # (and a spread of obfuscations); the rest of its 14 documents are drawn at random.
    per_family = N_SPAM // len(FAMILIES)
    by_group = {}
    for pl in PLACEMENTS:
        by_group.setdefault(placement_group(pl), []).append(pl)
    schedule = []
    for fam in FAMILIES:
        pls = [rng.choice(by_group[g]) for g in sorted(by_group)]
        rest = [pl for pl in PLACEMENTS if pl not in pls]
        rng.shuffle(rest)
        pls += rest[:per_family - len(pls)]
        encs = ["plain"] * (per_family - 6) + ["zw", "zw", "entity", "entity", "fullwidth", "fullwidth"]
        rng.shuffle(encs)
        schedule += [(fam, pl, enc) for pl, enc in zip(pls, encs)]
    rng.shuffle(schedule)
    for i in range(N_SPAM):
        fam, pl, enc = schedule[i]
        if enc == "fullwidth" and fam in ("zh-gambling", "ko-gambling") or \
                enc == "fullwidth" and fam.startswith("ru-"):
            enc = "zw"
        for attempt in range(200):
            res = make_spam(rng, fam, pl, enc, force_legacy=(i % 13 == 5))
            if res is None:
                continue
            page, data, must, used = res
            norm = page_text_for_check(page, data)
            bad = [m for m in must if normalise(m) not in norm]
            if bad:
                raise SystemExit(f"spam {i}: must_flag {bad} not in the page")
            ext = "html" if page.fmt == "html" else "txt"
            cs = "-" + page.charset[0].lower() if page.charset else ""
            name = f"spam-{i + 1:04d}-{page.art['lang']}-{fam}-{pl}{cs}.{ext}"
            if add(name, data, "spam", must):
                break
        else:
            raise SystemExit(f"spam {i}: no document for {fam} {pl} {enc}")
        for f2, p2, e2 in used:
            bump("family", f2)
            bump("placement", p2)
            bump("encoding", e2 if not (e2 == "entity" and page.fmt == "text") else "zw")
            bump("matrix", (f2, placement_group(p2)))
        bump("host", page.art["lang"])
        bump("charset", page.charset[0] if page.charset else "UTF-8")
        bump("fmt", page.fmt)
        bump("n_inj", len(used))

    # -- clean --
    arts = list(ARTICLES.values())
    specs = []
    for ai, art in enumerate(arts):
        reps = 3 + (1 if art["kind"] != "plain" else 0)
        for k in range(reps):
            specs.append((ai, art, k))
    specs = specs[:N_CLEAN]
    templates = HTML_TEMPLATES + TEXT_TEMPLATES
    for n, (ai, art, k) in enumerate(specs):
        for attempt in range(50):
            template = templates[(ai + 3 * k + attempt) % len(templates)]
            page, data = make_clean(rng, art, template, force_wrong=(n % 7 == 3))
            norm = page_text_for_check(page, data)
            check_clean_text(art["key"], norm)
            feats = []
            if page.lang_menu:
                feats.append("langmenu")
            if page.hidden_menu:
                feats.append("hiddenmenu")
            if page.fmt == "html" and page.html_lang and not page.html_lang.startswith(HTML_LANG[art["lang"]][:2]) \
                    and art["kind"] != "bilingual":
                feats.append("wronglang")
            if page.charset:
                feats.append(page.charset[0].lower())
            ext = "html" if page.fmt == "html" else "txt"
            name = f"clean-{n + 1:04d}-{art['lang']}-{art['key']}-{template}{''.join('-' + f for f in feats)}.{ext}"
            if add(name, data, "clean", []):
                break
        else:
            raise SystemExit(f"clean {n}: no distinct document for {art['key']}")
        bump("clean", art["kind"])
        for f in feats:
            bump("clean", f)
        bump("clean", "html" if page.fmt == "html" else "text")

    # -- suspicious --
    for n, w in enumerate(WRITEUPS):
        art = writeup_article(w)
        page = Page(art, "html", rng.choice(["blog", "news", "magazine"]), rng)
        page.keep = list(range(len(art["sections"])))
        if n % 4 == 0:
            page.honest_comments()
        text = page.render()
        data = text.encode("utf-8")
        outside = normalise(html.unescape(strip_code(text)))
        for m in w["must"]:
            if normalise(m) in outside:
                raise SystemExit(f"write-up {w['key']}: {m!r} outside <pre>/<code>")
            if normalise(m) not in normalise(html.unescape(text)):
                raise SystemExit(f"write-up {w['key']}: {m!r} not in the page")
        add(f"susp-{n + 1:04d}-{w['lang']}-{w['key']}.html", data, "suspicious", w["must"])

    # -- write --
    os.makedirs(args.out, exist_ok=True)
    for old in os.listdir(args.out):
        if re.match(r"(spam|clean|susp)-\d{4}-.*\.(html|txt)$", old) or old in ("labels.tsv", "expected.tsv"):
            os.remove(os.path.join(args.out, old))
    for name in sorted(docs):
        with open(os.path.join(args.out, name), "wb") as fh:
            fh.write(docs[name])
    table = "file\tverdict\tmust_flag\n" + "".join(
        f"{name}\t{labels[name][0]}\t{labels[name][1]}\n" for name in sorted(labels))
    for fname in ("labels.tsv", "expected.tsv"):
        with open(os.path.join(args.out, fname), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(table)

    counts = {}
    for v, _ in labels.values():
        counts[v] = counts.get(v, 0) + 1
    print(f"wrote {len(docs)} documents to {args.out}: " +
          ", ".join(f"{k} {counts[k]}" for k in sorted(counts)))
    for group in ("family", "placement", "encoding", "host", "charset", "fmt", "n_inj", "clean"):
        print(f"{group}: " + ", ".join(f"{k} {v}" for k, v in sorted(stats[group].items(), key=lambda kv: str(kv[0]))))
    groups = ["title/meta", "heading", "byline", "text", "hidden", "links", "comment", "attribute"]
    print("injections per family and placement group: " + " ".join(f"{g:>10}" for g in groups))
    for fam in FAMILIES:
        print(f"  {fam:<15}" + " ".join(f"{stats['matrix'].get((fam, g), 0):>10}" for g in groups))
    return 0


if __name__ == "__main__":
    sys.exit(main())
