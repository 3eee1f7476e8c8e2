import sys; import os; sys.path.insert(0,os.path.dirname(os.path.abspath(__file__)))
from lib import Pack, H
OUT=os.path.join(os.path.dirname(os.path.abspath(__file__)),'..','..','patterns','')
S=r'[^\n]'   # any char on the line

# ======================= ru.betting =======================
p=Pack('ru.betting','gambling','ru',0.7,
 "Russian Telegram capper (paid betting-tips) spam posted into group chats and comment threads, as collected by public anti-spam bot datasets (umputun/tg-spam samples and stop-word lists) and described in Russian press on cappers and match-fixing scams",
 "Tipster calls to action (ставим строго на тотал, ЖБ ставка, выигрышей подряд, прогнозы с платных каналов) carry the weight; words of honest sports and betting-regulation news (букмекер, договорные матчи, каппер, проходимость, прогноз на матч) stay below 0.35. Latin, Greek and small-capital look-alikes are folded back to Cyrillic by the normaliser.",
 """Russian betting-tips (capper) spam in Telegram groups and comments.
Cyrillic terms match anywhere. These spammers swap Cyrillic letters for Latin and Greek ones;
the normaliser folds such a word back to Cyrillic (ставкa -> ставка), so terms are plain Cyrillic.
Honest sports news writes about bookmakers, match fixing (договорные матчи) and previews
(прогноз на матч), so those words stay low; the tipster's sales phrasing carries the weight.""")
p.sec('topic words (honest sports and regulation news use them)')
p.term('каппер',0.25,'tipster; press articles on capper scams use it')
p.term('капперы',0.25)
p.term('договорные матчи',0.2,'match fixing: a news topic')
p.term('договорной матч',0.2)
p.term('договорняк',0.25)
p.term('букмекерская контора',0.15,'licensed bookmakers advertise legally in Russia')
p.term('прогноз на матч',0.15,'sports media previews')
p.term('экспресс дня',0.3,'bookmaker-affiliated media also publish one')
p.term('ставка дня',0.3)
p.term('проходимость',0.05,'off-road capability of cars, patency in medicine; the capper sense is in the patterns')
p.sec('capper sales phrasing')
p.pat(r'(?:ставим|ставка|ставлю|заряжаем|грузим)\s+(?:\S+\s+){0,2}на\s+(?:точный\s+)?тотал\S*\s*[:\-–]?\s*(?:https?://)?t\.me/[a-z0-9_+/]{4,}',0.85,'ставка на тотал + a t.me link: listed first so it wins over the plain forms below')
p.pat(r'(?:ставим|ставлю|заряжаем|грузим)\s+(?:\S+\s+){0,2}на\s+(?:точный\s+)?тотал(?:\S*\s*[:\-–]?\s*(?:https?://)?t\.me/[a-z0-9_+/]{4,})?',0.7,'ставим (строго / смело) на тотал: the tipster imperative')
p.pat(r'ставк[аи]\s+на\s+(?:точный\s+)?тотал',0.3,'sports previews write ставка на тотал больше 2,5, so topic-level')
p.pat(r'(?:ставим|заряжаем|грузим)\s+(?:строго|смело|уверенно)(?:\S*\s*[:\-–]?\s*(?:https?://)?t\.me/[a-z0-9_+/]{4,})?',0.85,'ставим строго / смело ставим: capper imperative')
p.pat(r'смело\s+ставим(?:\S*\s*[:\-–]?\s*(?:https?://)?t\.me/[a-z0-9_+/]{4,})?',0.85)
p.pat(r'точн(?:ый|ая|ые)\s+(?:прогноз|ставк[аи]|тотал)(?:\S*\s*[:\-–]?\s*(?:https?://)?t\.me/[a-z0-9_+/]{4,})?',0.45)
p.pat(r'(?:жб|железн\S*|железк\S*)\s+(?:ставк\S*|прогноз\S*|экспресс\S*|в\s+лайве)(?:\S*\s*[:\-–]?\s*(?:https?://)?t\.me/[a-z0-9_+/]{4,})?',0.85,'ЖБ (железобетонная) / железная ставка: capper slang for a sure bet')
p.pat(r'две\s+железки(?:\S*\s*[:\-–]?\s*(?:https?://)?t\.me/[a-z0-9_+/]{4,})?',0.85)
p.pat(r'выигрыш(?:а|ей)?\s+(?:в\s+ряд|подряд)(?:\S*\s*[:\-–]?\s*(?:https?://)?t\.me/[a-z0-9_+/]{4,})?',0.8,'N wins in a row, the capper track-record boast')
p.pat(r'(?:выигрышн\S+|уникальн\S+)\s+сери[яи](?:\S*\s*[:\-–]?\s*(?:https?://)?t\.me/[a-z0-9_+/]{4,})?',0.7)
p.pat(r'крушим\s+букмекер(?:\S*\s*[:\-–]?\s*(?:https?://)?t\.me/[a-z0-9_+/]{4,})?',0.9)
p.pat(r'по[ ]{1,2}прогрузам(?:\S*\s*[:\-–]?\s*(?:https?://)?t\.me/[a-z0-9_+/]{4,})?',0.9,'прогруз: a bookmaker line moved by insider money')
p.pat(r'платн(?:ого|ых)\s+(?:чата|каналов|канала|групп\S*)(?:\S*\s*[:\-–]?\s*(?:https?://)?t\.me/[a-z0-9_+/]{4,})?',0.8,'прогнозы с платных каналов / из платного чата')
p.pat(r'(?:прогноз|ставк)\S*\s+(?:по\s+линии\s+и\s+в\s+лайве|в\s+лайве)(?:\S*\s*[:\-–]?\s*(?:https?://)?t\.me/[a-z0-9_+/]{4,})?',0.55)
p.pat(r'марафон\s+до\s+\$?\s?[0-9](?:\S*\s*[:\-–]?\s*(?:https?://)?t\.me/[a-z0-9_+/]{4,})?',0.75,'Марафон до $1 000 000: bankroll-doubling marathon')
p.pat(r'проходимост\S*\s+(?:прогноз\S*|ставок|экспресс\S*|[0-9]{2}\s?%)(?:\S*\s*[:\-–]?\s*(?:https?://)?t\.me/[a-z0-9_+/]{4,})?',0.8,'капперская проходимость 90%')
p.pat(r'(?:инсайд\S*|слив\S*)\s+(?:на\s+)?(?:договорн\S+|матч\S*)(?:\S*\s*[:\-–]?\s*(?:https?://)?t\.me/[a-z0-9_+/]{4,})?',0.7,'insider / leaked fixed match')
p.pat(r'договорн\S+\s+матч\S*\s+(?:с\s+гарантией|под\s+заказ|купить|продаж\S*|в\s+наличии)(?:\S*\s*[:\-–]?\s*(?:https?://)?t\.me/[a-z0-9_+/]{4,})?',0.9)
p.pat(r'лучш(?:ая|ие)\s+букмекерск\S+\s+контор\S*(?:\S*\s*[:\-–]?\s*(?:https?://)?t\.me/[a-z0-9_+/]{4,})?',0.75)
p.pat(r'(?:длительн\S+\s+)?лузстрик\S*(?:\S*\s*[:\-–]?\s*(?:https?://)?t\.me/[a-z0-9_+/]{4,})?',0.6,'losing-streak slang in tipster testimonials')
p.pat(r'(?:тотал\S*|ставим|ставка|прогноз\S*|экспресс\S*|лайв\S*|жб)\s*[:\-–]?\s*(?:https?://)?t\.me/[a-z0-9_+/]{4,}',0.85,
      'betting call to action immediately followed by a t.me link (the tipster channel)')
p.write(OUT+'ru-betting.toml')

# ======================= ru.casino-bonus =======================
p=Pack('ru.casino-bonus','casino','ru',0.7,
 "Russian online-casino bonus spam in Telegram groups and casino-mirror SEO blocks, as collected by public anti-spam datasets (umputun/tg-spam) and seen in casino-mirror injections reported on hacked sites",
 "Adds what ru.casino lacks: deposit-bonus percentages, free-spin counts (FS), rigging claims (подкрутка), casino bots inside Telegram and leaked promo codes. Brand names are left out; bare промокод, приветственный бонус and кэшбэк stay low (shops and banks use them).",
 """Russian casino-bonus spam: what the ru.casino pack lacks (it has казино, фриспин,
бездепозитный бонус, зеркало, игровые автоматы).
The normaliser folds Latin/Greek look-alikes swapped into Cyrillic words back to Cyrillic.""")
p.sec('bonus percentages and free spins')
p.pat(r'бонус\S*\s+(?:до\s+)?(?:\+[0-9]{2,4}|[0-9]{3,4})\s?%',0.75,'бонус +255% / бонус до 425%: three-digit bonus percentages')
p.pat(r'бонус\S*\s+(?:к|на)\s+(?:перв\S+\s+)?(?:депозит|деп(?:[^\p{L}]|$)|пополнени)\S*',0.6,'licensed bookmakers also advertise a first-deposit bonus, so medium')
p.pat(r'(?:забрал\S*|забирай\S*|получи\S*)\s+(?:\S+\s+)?(?:fs|фс|фриспин\S*)',0.7)
p.pat(r'кэшб[эе]к\s+(?:до\s+)?[0-9]+\s?%\s+в\s+казино',0.85)
p.pat(r'рейкб[эе]к',0.5,'poker rakeback')
p.sec('rigging, promo codes, referral links')
p.pat(r'подкрутк\S*',0.6,'подкрутка: claimed rigging of a slot in the player\'s favour; also tuning slang, so medium'.replace("'",""))
p.pat(r'(?:включа\S+|включ\S+)\s+подкрутк\S*',0.9)
p.pat(r'(?:слил\S*|слили|сливаю)\s+(?:\S+\s+)?промокод\S*',0.75,'слили промокод: fake leaked promo code')
p.pat(r'промокод\S*\s+(?:\S+\s+){0,3}(?:для\s+реги|на\s+деп|с\s+повышенн\S+|к\s+депозит\S*)',0.75)
p.pat(r'(?:при\s+вводе|ввод\S*)\s+промокод\S*',0.4)
p.pat(r'бонус\S*\s+только\s+по\s+(?:этой\s+)?(?:реферальн\S+\s+|бонусн\S+\s+)?ссылк\S*',0.75)
p.pat(r'(?:регистраци\S+|регайся|регайтесь)\s+по\s+(?:бонусн\S+|реферальн\S+|моей)\s+ссылк\S*',0.6)
p.pat(r'забирай\s+(?:свой\s+)?(?:миллион|бонус|выигрыш)',0.65)
p.pat(r'казик\S*',0.6,'slang for casino in chat spam (казик занес)')
p.sec('casino ratings the ru.casino pack lacks (singular лучшее, look-alike КAЗИНО)')
p.pat(r'лучш(?:ее|ие|их)\s+(?:онлайн[\s\-]+)?казино',0.8,'ru.casino has лучшие онлайн казино only')
p.pat(r'(?:рейтинг|топ[ ]{1,2}лучш\S*|топ[ ]{1,2}легальн\S*|топ-[0-9]+)\s+(?:\S+\s+){0,2}(?:легальн\S+\s+|лицензионн\S+\s+|онлайн[\s\-]+)?казино',0.75,'топ / рейтинг легальных казино; news on blocking lists writes реестр, not топ казино')
p.pat(r'казино\s+(?:с\s+)?(?:живыми\s+дилерами|быстрыми\s+выплатами|с\s+лицензией\s+в\s+росси\S*)',0.7)
p.sec('casino inside Telegram')
p.pat(r'(?:казино|слот\S*)\s+(?:прям\S*\s+)?(?:в\s+(?:тг|телеге|телеграм\S*)|бот\S*)',0.7)
p.pat(r'играть\s+(?:прям\S*\s+)?в\s+(?:тг|телеге|телеграм\S*)',0.6)
p.pat(r'(?:пользовал\S*|посоветовали)\s+(?:\S+\s+){0,2}бот\S*',0.35,'fake-testimonial bait for a casino bot; honest chats ask the same, so topic-level alone')
p.pat(r'(?:casino|kazino|slot|jackpot)[a-z0-9_]*_?bot(?-u:\b)',0.8,'a Telegram bot handle named after a casino, slot or bet (@..._casino_bot, @...slot..._bot)',raw=True)
p.write(OUT+'ru-casino-bonus.toml')

# ======================= ru.earn =======================
p=Pack('ru.earn','scam','ru',0.7,
 "Russian Telegram earn-money and job-offer spam (remote work for a phone and two free hours, crypto arbitrage teams, write + in DM, money-mule recruiting) as collected by public anti-spam datasets and stop-word lists (umputun/tg-spam) and described in Russian police (MVD) and bank warnings about recruitment bots",
 "Remote work, free training, passive income, crypto arbitrage and bonuses are what honest job-market and finance news writes about, so those words stay below 0.35; the recruiter's sales formulas (с вас телефон и 2 часа, пишите + в лс, мой интерес % от вашей прибыли, доход от 800$ в неделю) carry the weight. Latin, Greek and small-capital look-alikes, which this family uses in nearly every message, are folded back to Cyrillic by the normaliser.",
 """Russian earn-money / job-offer spam in Telegram groups.
Look-alike letters are folded back by the normaliser (see ru-betting.toml): Пpивeт with Latin p and e is
folded to пpивeт by the normaliser, and the classes [пnπᴨ][рpρᴩ]… still match it.
Honest job news (удалённая работа, вакансии, зарплата от … в месяц) and finance news
(пассивный доход, арбитраж, криптовалюта) must stay clean, so monthly pay, bare remote work
and bare crypto words are left low or out.""")
p.sec('topic words')
p.term('удаленная работа',0.15,'job-market news')
p.term('удалённая работа',0.15)
p.term('пассивный доход',0.2,'finance columns')
p.term('дополнительный доход',0.15)
p.term('без вложений',0.3,'also business-idea articles; заработок без вложений below is strong')
p.term('без предоплаты',0.1,'shops: доставка без предоплаты')
p.term('бесплатное обучение',0.15,'employment-centre news')
p.term('всему обучим',0.25,'honest vacancies say it too')
p.term('в личку',0.15,'honest chat')
p.sec('call to action: write + / write to DM')
p.pat(r'(?:пиш[иу]|пишите|напиши|напишите|ставь|ставьте|кидай|кидайте|жду)\s*(?:мне\s*)?[\(«"]?\s*(?:\+|➕|плюс|плюсик)(?:[^0-9]|$)',0.85,
      'пиши + / пишите плюс / жду + : reply-with-plus lure; a digit after + (a phone number) is not it')
p.pat(r'(?:\(\+\)|\+|➕)[ ]{0,2}в[ ]{1,2}(?:лс|личк|личн)',0.85,'(+) в лс')
p.pat(r'(?:пиш[иу]|пишите|напиши|напишите|писать|обращайтесь|отпиши\S*)\s+(?:\S+\s+)?в\s+(?:лс|л\.с\.?)(?:[^\p{L}]|$)',0.35,
      'пишите в лс: the tg-spam stop-word; honest forum posts say it too, so medium')
p.pat(r'(?:детали|подробност\S*|информаци\S*|инфо|вс[её]\s+подробно\S*)\s+(?:в\s+)?(?:лс|личн\S+\s+сообщени\S*|личк\S*|профил\S*|био|шапке\s+профиля)',0.6)
p.pat(r'(?:жду|ожидаю)\s+(?:\S+\s+){0,2}(?:в\s+лс|в\s+личн\S+|сообщени\S*)',0.6,'заинтересованных жду в лс')
p.pat(r'(?:всех\s+)?заинтересованн\S+\s+(?:жду|ожидаю|пишите)',0.7)
p.pat(r'(?:пишите|пиши|отвечу)\s+в\s+личные\s*(?:сообщения)?',0.45)
p.sec('the offer')
p.pat(r'(?:с[ ]{1,3}вас|от[ ]{1,3}вас|с[ ]{1,3}тебя|от[ ]{1,3}тебя|необходим|нужен|нужно)\s*,?\s+(?:только\s+|всего\s+лишь\s+|лишь\s+)?(?:телефон|смартфон)',0.8,'с вас телефон: the phone-and-two-hours job lure')
p.pat(r'(?:телефон|смартфон)\s+и\s+(?:от\s+)?(?:[0-9][0-9.,]*|пар[уы]|два|дв[ау]х|несколько|немного)\s*(?:-?х\s+)?час',0.85)
p.pat(r'свободного\s+времени\s+в\s+день',0.35)
p.pat(r'час(?:а|ов)?\s+свободного\s+времени',0.45)
p.pat(r'(?:удал[её]нн\S+|удаленн\S+)\s+(?:за)?работ(?:ок|ка|ку)',0.45,'удалённый заработок (earning, not работа / job)')
p.pat(r'(?:заработ\S+|доход\S*)\s+(?:удал[её]нно|в\s+интернете|в\s+сети|с\s+телефона|с\s+первого\s+дня|для\s+всех)',0.6,'заработок удалённо / в интернете / с телефона: tg-spam stop-words')
p.pat(r'работа\s+с\s+телефона',0.3,'police warnings quote it')
p.pat(r'заработ\p{L}*[^\p{L}\n]{1,20}без\s+вложени\S*(?:[^\n]{0,40}?https?://[^\s]+)?',0.85,'заработок без вложений, also with !!! and emoji between')
p.pat(r'играть\s+в\s+игры\s+и\s+зарабатыва\S*',0.5,'play-to-earn app lure')
p.pat(r'(?:выплачивает|выплатит|платит|дарит|раздает|раздаёт)\s+(?:по\s+|до\s+)?[0-9][0-9\s.,]*\s?(?:тыс\S*\s+)?(?:руб\S*|₽|р\.?|\$)\s+каждому\s+(?:желающему|клиенту|участнику|пользователю)',0.85,'bank-payout phishing: Банк выплачивает 5000 рублей каждому желающему; pension news names a group (каждому пенсионеру)')
p.pat(r'(?:участвовать|получить|принять\s+участие|забрать)\s*[-–:]\s*https?://[^\s]+',0.45)
p.pat(r'(?:набира[юе]м?|набор|ищу|ищем|приглашаю|приглашаем|открываю\s+набор)\s+(?:\S+\s+){0,4}в\s+(?:свою\s+|нашу\s+|закрыт\S+\s+)?команд\S*',0.3,
      'honest vacancies also say ищем в команду; medium')
p.pat(r'(?:ищу|ищем|нужны|нужен)\s+(?:\S+\s+){0,2}(?:партн[её]р\S*|люд\S+|коллег|человек\S*)\s+(?:\S+\s+){0,2}(?:для|в)\s+(?:совместн\S+\s+|удал[её]нн\S+\s+)?(?:заработ\S*|работ\S+\s+(?:с|в\s+сфере)\s+цифров\S+|сотрудничеств\S*)',0.7)
p.pat(r'(?:\$|💵|💲|usdt|долларов|зел[её]ных|баксов)[ ]{0,2}(?:/[^\n]{0,24}?)?(?:в|за|каждый|каждую)\s+(?:день|сутки|неделю|недел\S*)',0.75,
      'dollar income per day or week (от 2000$ в день, 800$ / 71.000 ₽ каждую неделю); honest job news quotes monthly roubles')
p.pat(r'(?:средний\s+)?доход\s+(?:от\s+)?[0-9][0-9\s.,]*\s?(?:к|тыс\S*|т\.?р\.?|руб\S*|р\.?|₽)?\s*(?:\S+\s+){0,3}?в\s+(?:день|неделю|сутки)',0.45)
p.pat(r'(?:доходност\S*|рентабельност\S*|профит)\s+(?:\S+\s+){0,2}(?:от\s+)?[0-9]+\s?(?:-|до)\s?[0-9]+\s?%\s*(?:в\s+(?:сутки|день)|за\s+(?:круг|оборот))',0.85,'3-6% в сутки: guaranteed daily yield')
p.pat(r'(?:мо[йя]|наш[аи]?)\s+(?:интерес|выгода|процент|доля)\s*(?:\S+\s+){0,2}?(?:-\s*)?(?:[0-9]+\s?%|%)',0.85,'мой интерес 20% от вашей прибыли')
p.pat(r'(?:%[ ]?(?:от|с)|процент\S*\s+(?:от|с))\s+(?:ваш\S*|чист\S+|получен\S+|результат\S*)\s*(?:\S+\s+)?(?:прибыл\S*|доход\S*|заработк\S*|результат\S*)?',0.7,'% от вашей (чистой) прибыли')
p.pat(r'(?:беру|берём|берем|работаю|работаем)\s+(?:только\s+)?(?:за\s+)?(?:фиксированн\S+\s+)?(?:%|процент)',0.75)
p.pat(r'(?:никаких|без)\s+(?:\S+\s+)?предоплат(?:[^ы]|$)',0.5,'без предоплат (plural) / никаких предоплат; shop phrase без предоплаты (singular) is a topic term')
p.pat(r'(?:оплат\S*|денег)\s+вперед\s+не\s+бер|оплат\S*\s+вперёд\s+не\s+бер|предоплат\S*\s+не\s+(?:нужн|требу|бер)',0.7)
p.pat(r'(?:обучени\S*|обучаю|обучаем|обучу|научу)\s+(?:\S+\s+){0,2}(?:бесплатно|с\s+нуля\s+бесплатно|за\s+мой\s+счет)',0.45)
p.pat(r'(?:только|от)[ ]{1,2}(?:18|20)\s*\+?\s*(?:лет|год\S*)?\s*\+',0.3,'Только 18+ / 20+ лет')
p.sec('crypto arbitrage and swap-trading teams')
p.pat(r'(?:сфер\S+|направлени\S+|нише)\s+(?:\S+\s+)?(?:криптовалют\S*|крипт\S*|цифров\S+\s+(?:актив|валют)\S*|онлайн-актив\S*)',0.35,
      'в сфере цифровых активов; regulation news also writes в сфере криптовалют, so topic-level')
p.pat(r'(?:арбитраж\S*\s+(?:криптовалют\S*|крипт\S*|электронн\S+\s+валют|цифров\S+)|(?:криптовалютн|крипто)\S*\s+арбитраж\S*)',0.3,'арбитраж криптовалют (P2P arbitrage); explained in finance articles too')
p.pat(r'на[ ]{1,2}разниц\S+\s+курс\S*',0.5,'заработок на разнице курсов')
p.pat(r'(?:специализиру\S+|зарабатыва\S+)\s+на\s+(?:\S+\s+)?(?:арбитраж\S*|двойн\S+\s+конвертаци\S*)',0.6)
p.pat(r'арбитраж\S*\s+(?:\S+\s+){0,3}(?:криптовалютн\S+|крипто\S*)\s+бирж\S*',0.5)
p.pat(r'заинтересован\S*\s+в\s+(?:процент\S*|%)',0.8,'заинтересован в проценте от прибыли')
p.pat(r'(?:без|не[ ]{1,2}работаем\s+с)\s+(?:\S+\s+)?сторонн\S+\s+(?:обмен\S*|бирж\S*|сайт\S*)',0.6,'без сторонних обменок и сайтов; security advice says не скачивайте со сторонних сайтов, hence the без / не работаем с')
p.pat(r'сторонн\S+\s+обмен(?:ок|ник\S*|к\S*)',0.5)
p.pat(r'св[оo]п-?\s?тр[еe]йдинг\S*',0.75,'своп-трейдинг: the swap-trading lure')
p.pat(r'(?:связк\S+|связку)\s+(?:\S+\s+)?(?:на|по|в)\s+(?:крипт\S*|p2p|обменник\S*|бирж\S*|usdt|ltc)',0.7,'связка: an arbitrage route sold as a scheme')
p.pat(r'(?:материал\S*|курс\S*|мануал\S*)\s+(?:\S+\s+)?по\s+(?:крипт\S*|трейдинг\S*|торговле\s+крипт\S*|cryptocurrency)',0.5,'free crypto course giveaway lure (курсы по крипте: tg-spam stop-word)')
p.pat(r'(?:за\s+спасибо|отдаю\s+бесплатно|поделюсь\s+бесплатно|отдам\s+в\s+(?:правильные|толковые|хорошие)\s+руки)',0.45)
p.pat(r'(?:приватные|скам|рабочие)\s+схем\S*',0.6,'сливаю приватные схемы')
p.pat(r'пассивн\S+\s+источник\S*\s+дохода',0.5)
p.sec('airdrop giveaways')
p.pat(r'раздач\S*\s+(?:монет\S*|токен\S*|криптовалют\S*|usdt|ton(?-u:\b))',0.45,'crypto news also reports airdrops')
p.pat(r'(?:получите|получи|забери\S*)\s+(?:\S+\s+)?бесплатно\s+на\s+(?:свой\s+)?кошел[её]к(?:[^\n]{0,40}?https?://[^\s]+)?',0.8)
p.sec('money mules')
p.pat(r'(?:люди|людей|человек)\s+с\s+(?:рф\s+)?картами',0.75,'нужны люди с РФ картами для приёма денег: drop recruiting the MVD warns about')
p.pat(r'карт\S*\s+(?:для\s+)?при[её]ма\s+(?:денег|платежей|средств)',0.6)
p.write(OUT+'ru-earn.toml')

# ======================= ru.counterfeit =======================
p=Pack('ru.counterfeit','counterfeit','ru',0.75,
 "Russian counterfeit-banknote shop spam (фальш рубли, принимает любой банкомат, без отличий от настоящих) posted in Telegram groups, as collected by public anti-spam datasets (umputun/tg-spam) and described in Russian and Ukrainian police and press reports on fake-money sales through Telegram channels",
 "Police and central-bank news about counterfeits (фальшивые купюры, поддельные банкноты, фальшивомонетчики, как отличить подделку, водяные знаки) must stay clean, so those words are topic-level; the seller's promises (ничем не отличаются от настоящих, принимает любой банкомат и обменка, печатаем фальш) carry the weight. фальшь (falseness) is not фальш.",
 """Russian counterfeit-money spam.
Police reports say the sellers promise that the notes carry all watermarks and pass ATMs and
payment terminals; honest news explains the same security features, so single words
(водяные знаки, банкомат, подделка) stay low and the seller's claims are patterns.
Look-alikes are folded back by the normaliser (Пᴏддᴇᴧьнᴀя ʙᴀᴧюᴛᴀ).""")
p.sec('topic words of police and central-bank news')
p.term('фальшивые купюры',0.2,'police news')
p.term('фальшивых купюр',0.2)
p.term('поддельные купюры',0.2)
p.term('поддельных купюр',0.2)
p.term('фальшивомонетчик',0.1)
p.term('фальшивые деньги',0.2)
p.term('поддельные деньги',0.2)
p.term('банк приколов',0.25,'prank notes are sold legally; fraud news reports them')
p.sec('seller phrasing')
p.pat(r'фальш[\s\-]+(?:руб|купюр|доллар|деньг|валют|банкнот|евро|бабк|лавэ|лаве|usd|\$)(?:[^@\n]{0,40}@[a-z0-9_]{4,32})?',0.9,'фальш рубли / фальш купюры: the sellers\' short form'.replace("'",""))
p.pat(r'фальш[\s\-]+невозможно(?:[^@\n]{0,40}@[a-z0-9_]{4,32})?',0.85)
p.pat(r'(?:поддельн|фальшив)\S*\s+(?:рубл\S*|доллар\S*|валют\S*|евро)\s*(?:и\s+\S+\s*)?(?:\S+\s+){0,3}(?:без\s+отличи|ничем\s+не\s+отлич|принима\S+|в\s+наличии|купить|продаж\S*|отправк\S*)(?:[^@\n]{0,40}@[a-z0-9_]{4,32})?',0.85)
p.pat(r'(?:поддельн\S+|фальшив\S+)\s+валют\S*(?:[^@\n]{0,40}@[a-z0-9_]{4,32})?',0.5,'поддельная валюта: rare in news, which says купюры / банкноты')
p.pat(r'(?:без\s+отличий|ничем\s+не\s+отлича\S*)\s+от\s+настоящ\S*(?:[^@\n]{0,40}@[a-z0-9_]{4,32})?',0.85,'police news writes трудно отличить от настоящих, not ничем не отличаются')
p.pat(r'(?:невозможно|нельзя)\s+отличить(?:\s+от\s+настоящ\S*)?(?:[^@\n]{0,40}@[a-z0-9_]{4,32})?',0.45)
p.pat(r'(?:принима\S+|пров[оа]д\S*|проход\S*|скушает|съест|берет|бер[её]т)\s+(?:в\s+)?(?:любой|любые|все)\s+банкомат\S*(?:[^@\n]{0,40}@[a-z0-9_]{4,32})?',0.8,'принимает / скушает / проходят в любой банкомат')
p.pat(r'банкомат\S*\s+и\s+обменк\S*(?:[^@\n]{0,40}@[a-z0-9_]{4,32})?',0.85,'обменка: exchange-office slang of the seller ads')
p.pat(r'(?:вс[еёe]\s+)?водяные\s+знаки\s+на\s+месте(?:[^@\n]{0,40}@[a-z0-9_]{4,32})?',0.85)
p.pat(r'никто\s+не\s+(?:раз|от)лич\S*\s+подделк\S*(?:[^@\n]{0,40}@[a-z0-9_]{4,32})?',0.85)
p.pat(r'(?:печатаем|печатаю|изготавливаем|продаем|продаём)\s+(?:\S+\s+)?(?:фальш\S*|поддельн\S+|купюр\S*|деньги|банкнот\S*)(?:[^@\n]{0,40}@[a-z0-9_]{4,32})?',0.85)
p.pat(r'(?:качественн\S+\s+)?копи[ий]\s+(?:купюр|банкнот|денег)\S*(?:[^@\n]{0,40}@[a-z0-9_]{4,32})?',0.6,'копии купюр; качественные копии купюр')
p.pat(r'(?:купить|куплю|заказать)\s+(?:фальшив\S+|поддельн\S+)\s+(?:купюр\S*|деньг\S*|рубл\S*|доллар\S*|банкнот\S*)(?:[^@\n]{0,40}@[a-z0-9_]{4,32})?',0.55,'news quotes пытался купить фальшивые деньги, so medium')
p.pat(r'(?:лучший\s+)?магазин\s+(?:\S+\s+){0,3}(?:фальш\S*|поддельн\S+)(?:\s+(?:руб|купюр|доллар|деньг|валют|банкнот)\S*)?(?:[^@\n]{0,40}@[a-z0-9_]{4,32})?',0.85)
p.pat(r'(?:никаких\s+)?проблем\s+с\s+законом(?:[^@\n]{0,40}@[a-z0-9_]{4,32})?',0.35)
p.pat(r'(?:проход\S+|выдерживают)\s+(?:проверку\s+)?(?:уф|ультрафиолет\S*|детектор\S*)(?:[^@\n]{0,40}@[a-z0-9_]{4,32})?',0.6)
p.pat(r'(?:настоящ\S*|банкомат\S*|обменк\S*|подделк\S*|отличи\S*)[^@\n]{0,12}@[a-z0-9_]{4,32}',0.8,'seller claim followed by a Telegram handle')
p.write(OUT+'ru-counterfeit.toml')

# ======================= ru.adult =======================
p=Pack('ru.adult','adult','ru',0.7,
 "Russian intimate-photo bot, 18+ account and escort lures posted in Telegram groups and comments, as collected by public anti-spam datasets (umputun/tg-spam) and described in Russian press on nudify bots and escort spam",
 "News writes about интим-услуги, эскорт scandals, leaked intimate photos and nudify bots, so the bare words stay low; the lure formulas (нейросеть для поиска интим фото, найди фото любой девушки, кому скинуть мои 18+ фото, эскорт модели твоего города) carry the weight. Look-alike letters are folded back to Cyrillic by the normaliser.",
 """Russian 18+ bot and escort lures in Telegram.
Honest tabloid and tech news reports "bots that undress girls" and leaked photos, so
single words (интим, эскорт, обнаженные фото, 18+) stay topic-level.""")
p.sec('topic words')
p.term('интим',0.1,'интим-услуги in news')
p.term('эскорт',0.15,'escort scandals in news')
p.term('обнаженные фото',0.2,'deepfake news')
p.term('без трусиков',0.3,'tabloid headlines about celebrities')
p.sec('nudify / leaked-photo bots')
p.pat(r'нейрос[еe]т\S*\s+(?:для\s+)?(?:поиск\S*\s+)?(?:\S+\s+)?(?:интим\S*|обнаж\S*|огол\S*|голых|разде\S*|18\+)(?:[^@\n]{0,40}@[a-z0-9_]{4,32})?',0.8,'нейросеть для поиска интим фото; news on nudify bots exists, so below 0.9')
p.pat(r'(?:найд[иеу]\S*|найти|проверь\S*|провер\S+|поиск\S*)\s+(?:\S+\s+){0,3}(?:интим\S*|обнаж\S*|огол\S*|голы[еx]|сливы|слитые|приватн\S+)\s+(?:\S+\s+){0,2}(?:фото|видео|фотк\S*|нюдс\S*)(?:[^@\n]{0,40}@[a-z0-9_]{4,32})?',0.85)
p.pat(r'(?:фото|видео)\s+(?:\S+\s+){0,2}любой\s+девушк\S*(?:[^@\n]{0,40}@[a-z0-9_]{4,32})?',0.8,'фото и видео любой девушки')
p.pat(r'(?:проверь|проверка)\s+(?:любую\s+|любой\s+)?(?:девушк\S*|подругу|жену)(?:[^@\n]{0,40}@[a-z0-9_]{4,32})?',0.7)
p.pat(r'на[ ]{1,2}наличие\s+интим\S*(?:[^@\n]{0,40}@[a-z0-9_]{4,32})?',0.85)
p.pat(r'бот\S*\s*,?\s+(?:который|которая|что)\s+(?:\S+\s+)?(?:разде\S*|найд\S*\s+(?:\S+\s+)?(?:обнаж|огол|голы|интим))(?:[^@\n]{0,40}@[a-z0-9_]{4,32})?',0.75)
p.sec('18+ accounts and dating lures')
p.pat(r'(?:кому\s+)?(?:скинуть|скину|отправлю|отправляю|покажу)\s+(?:\S+\s+){0,2}(?:18\+|интим\S*|голы\S*|приватн\S*)\s*(?:фото|видео|фотк\S*)(?:[^@\n]{0,40}@[a-z0-9_]{4,32})?',0.85)
p.pat(r'(?:кому\s+скинуть|скинуть)\s+(?:мои|моих|свои)\s+(?:\S+\s+)?фот\S*(?:[^@\n]{0,40}@[a-z0-9_]{4,32})?',0.75)
p.pat(r'(?:мои|свои|моих)[ ]{1,2}(?:\S+\s+)?фот\S*\s+без\s+(?:трусиков|одежды|белья)(?:[^@\n]{0,40}@[a-z0-9_]{4,32})?',0.85)
p.pat(r'(?:фото|видео)\s+18\+(?:[^@\n]{0,40}@[a-z0-9_]{4,32})?',0.5,'news tags videos 18+, so medium')
p.pat(r'18\+\s+(?:фото|видео|фотк\S*|контент)(?:[^@\n]{0,40}@[a-z0-9_]{4,32})?',0.6,'18+ фото')
p.pat(r'вирт\S*\s+(?:переписк\S*|секс\S*|общени\S*)(?:[^@\n]{0,40}@[a-z0-9_]{4,32})?',0.7)
p.pat(r'пишите\s+только\s+(?:на\s+этот\s+аккаунт|сюда|мне\s+сюда)(?:[^@\n]{0,40}@[a-z0-9_]{4,32})?',0.6)
p.pat(r'(?:желани\S*|хочешь|хотите)\s+(?:\S+\s+){0,2}встретить\S*\s+с\s+(?:\S+\s+)?(?:дам|девушк|красотк|малышк)\p{L}*',0.9)
p.pat(r'(?:интим|эротическ\S*)\s+(?:досуг|встреч\S*|услуг\S*\s+(?:от|в|недорого|круглосуточно))(?:[^@\n]{0,40}@[a-z0-9_]{4,32})?',0.75)
p.sec('escort')
p.pat(r'эскорт[\s\-]+(?:модел\S*|девушк\S*|услуг\S*\s+(?:в|по|от)\s+\S+|агентств\S*\s+(?:в|приглашает))(?:[^@\n]{0,40}@[a-z0-9_]{4,32})?',0.7,'эскорт модели; news writes эскорт-услуги, so услуги needs a following city/offer word')
p.pat(r'(?:модели|девушки|девочки|красотки|индивидуалки)\s+(?:тво|ваш)\S+\s+города(?:[^@\n]{0,40}@[a-z0-9_]{4,32})?',0.85)
p.pat(r'(?:лучшие|элитные)\s+(?:эскорт\S*|модели|девушки)\s+(?:\S+\s+)?(?:города|для\s+вас|ждут)(?:[^@\n]{0,40}@[a-z0-9_]{4,32})?',0.7)
p.pat(r'(?:интим\S*|обнаж\S*|огол\S*|девушк\S*|18\+|эскорт\S*|трусик\S*|дам\S*)[^@\n]{0,40}@[a-z0-9_]{4,32}',0.75,'adult lure followed by a Telegram handle within 40 characters')
p.write(OUT+'ru-adult.toml')

# ======================= ru.documents =======================
p=Pack('ru.documents','fraud','ru',0.7,
 "Russian spam that buys passport photos and sells accounts or documents on other people's data (drop accounts, anonymous parcels, forged documents), as collected by public anti-spam datasets (umputun/tg-spam) and described in Russian bank and police warnings about drops",
 "Adds what ru.diploma lacks (it has купить права без экзамена and водительское удостоверение): buying passport photos, accounts and cards on any data, forged passports. KYC instructions (загрузите фото паспорта) and police news (поддельный паспорт) stay clean.",
 """Russian forged-document and drop-account spam.
Look-alikes are folded back by the normaliser (Kyплю оригинaл фoтo пacпopтa).""")
p.sec('topic words')
p.term('поддельный паспорт',0.2,'police news')
p.term('поддельные документы',0.2)
p.sec('passport photos and documents')
p.pat(r'(?:куплю|покупаю|скупаю|плачу|оплачу)\s+(?:\S+\s+)?фот\S*\s+(?:\S+\s+)?паспорт\S*',0.85,'куплю (оригинал) фото паспорта')
p.pat(r'только\s+от\s+(?:владельца|хозяина)',0.35,'passport-photo buyers ask for the owner; car ads say от собственника')
p.pat(r'за\s+фот\S*\s+(?:\S+\s+)?паспорт\S*\s+(?:\S+\s+){0,2}(?:для\s+регистраци\S*|от\s+владельца|в\s+(?:бк|букмекер\S*|казино))',0.8,'3000 за фото паспорта для регистрации в букмекерской конторе')
p.pat(r'(?:оригинал\S*|фото)\s+паспорт\S*\s+(?:\S+\s+){0,2}(?:от\s+владельца|для\s+регистраци\S*\s+в\s+(?:бк|букмекер\S*|казино))',0.8)
p.pat(r'(?:купить|куплю|продам|продаю|сделаем|сделаю|изготовим)\s+паспорт\S*\s+(?:рф|гражданина|любой|без|на\s+любые|под\s+заказ|с\s+(?:пропиской|регистрацией))',0.85)
p.pat(r'паспорт\S*\s+(?:рф\s+)?купить',0.85)
p.pat(r'права\s+(?:категори\S+\s+\S+\s+)?купить',0.85)
p.pat(r'(?:купить|сделать|оформить)\s+(?:водительск\S+\s+)?права\s+(?:категори\S+|без\s+(?:сдачи|обучения|экзамен\S*)|с\s+занесением)',0.85)
p.sec('accounts and cards on other people\'s data'.replace("'",""))
p.pat(r'(?:аккаунт\S*|кошел[её]к\S*|кошельк\S*|карт\S*|лк)\s+(?:\S+\s+){0,2}(?:на\s+любые\s+данные|под\s+любые\s+цели)',0.85)
p.pat(r'(?:на[ ]{1,2}любые\s+данные|под[ ]{1,2}любые\s+цели)',0.55)
p.pat(r'без\s+предоставлени\S+\s+паспорт\S*',0.6)
p.pat(r'анонимн\S+\s+(?:получени\S+|отправк\S+)\s+(?:и\s+\S+\s+)?посыл\S*',0.75)
p.pat(r'гаранти\S+\s+от\s+блок\S*',0.75)
p.pat(r'(?:работаем|работаю|сделка)\s+через\s+гарант\S*',0.5,'forum escrow; honest forums mention гарант too')
p.pat(r'верифицированн\S+\s+(?:аккаунт\S*|кошел\S*|кошельк\S*|карт\S*)\s+(?:\S+\s+)?(?:в\s+наличии|продаж\S*|продам|на\s+любые)',0.8)
p.write(OUT+'ru-documents.toml')

# ======================= ru.tg-contact =======================
p=Pack('ru.tg-contact','contact','ru',0.7,
 "Telegram contact lines of Russian spam (напиши в поиске телеграм + a code, пиши мне @handle) that end counterfeit, intimate and job lures in public anti-spam datasets (umputun/tg-spam)",
 "Only the search-code formula (напиши в поиске телеграм: ABC123) and a write-me-@handle line; tutorials that say напишите в поиске название канала have no letters+digits code.",
 """Russian Telegram contact bait.
Category contact: findings here are not discounted as a lone mention, and they lift weak spam
words beside them, so only formulas that honest pages do not use are listed.""")
p.pat(r'(?:напиш\S*|введи\S*|вбей\S*|ищи\S*)\s+в\s+поиск\S*\s+(?:\S+\s+)?(?:телеграм\S*|телеги|тг|telegram)\s*[:\-–]?\s*@?[a-z]{2,8}[0-9]{2,5}(?-u:\b)',0.8,
      'напиши в поиске телеграма: NVK800 – a letters+digits code instead of a link')
p.pat(r'(?:напиш\S*|пиш[иу]|пишите)\s+(?:мне|админу|менеджеру)\S*\s*[\-–:,]?\s*(?:\S{1,3}\s*)?(?:@[a-z0-9_]{4,32}|(?:https?://)?t\.me/[a-z0-9_+]{4,})',0.5,'пиши мне - @handle; honest chats also do this, so medium')
p.write(OUT+'ru-tg-contact.toml')
