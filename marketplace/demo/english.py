"""The demo's English content: English names and short descriptions for every demo category,
producer, place and product, keyed by their natural keys (slug or SKU).

Proper names keep their Vietnamese spelling and diacritics ("Lục Ngạn lychee", "Chũ noodles");
the loader writes these into the ``*_en`` fields (:mod:`catalog.bilingual`) and leaves an
English text that staff or a producer already entered as it is.
"""

from __future__ import annotations

from oscar.core.loading import get_model

from marketplace.demo import data

#: Category slug → (English name, English description or "").
CATEGORIES: dict[str, tuple[str, str]] = {
    "thuc-pham": ("Food", "Fresh, prepared and processed farm produce."),
    "nong-san-tuoi": ("Fresh produce", ""),
    "nong-san-che-bien": ("Processed produce", ""),
    "thit-trung-thuy-san": ("Meat, eggs and fish", ""),
    "gao-ngu-coc": ("Rice and grains", ""),
    "do-uong": ("Beverages", "Alcoholic and non-alcoholic drinks, green and black tea."),
    "do-uong-co-con": ("Alcoholic drinks", ""),
    "do-uong-khong-con": ("Soft drinks and juices", ""),
    "che-va-tra": ("Tea", ""),
    "thao-duoc": (
        "Herbal products",
        "Made from medicinal plants: dried herbs, herbal teas, essential oils and cosmetics.",
    ),
    "duoc-lieu": ("Medicinal herbs", ""),
    "tra-thao-duoc": ("Herbal teas", ""),
    "tinh-dau-my-pham": ("Essential oils and herbal cosmetics", ""),
    "vai-va-may-mac": (
        "Textiles and garments",
        "Cotton and fibre products: brocade, towels and clothing.",
    ),
    "tho-cam": ("Brocade", ""),
    "khan-san-pham-det": ("Towels and woven goods", ""),
    "trang-phuc": ("Clothing", ""),
    "luu-niem-noi-that-trang-tri": (
        "Souvenirs, furniture and decoration",
        "Woodwork, rattan and bamboo, ceramics, metal and textiles for gifts and the home.",
    ),
    "do-go-my-nghe": ("Fine woodwork", ""),
    "may-tre-dan": ("Rattan and bamboo", ""),
    "gom": ("Ceramics", ""),
    "dich-vu-du-lich-nong-thon": (
        "Rural tourism services",
        "Visits, homestays, leisure and hands-on learning in the countryside.",
    ),
    "luu-tru-cong-dong": ("Community homestays", ""),
    "tham-quan-trai-nghiem": ("Visits and hands-on experiences", ""),
    "du-lich-sinh-thai": ("Eco-tourism", ""),
}

#: Showroom opening hours in English (the Vietnamese: ``data.SHOWROOM_HOURS``).
SHOWROOM_HOURS = "Daily, 7:30 am – 5:30 pm"

#: Place slug → (English name, English description).
PLACES: dict[str, tuple[str, str]] = {
    "diem-ocop-son-dong": (
        "Sơn Động OCOP showroom",
        "Herbs, forest products and brocade of Sơn Động's ethnic communities, on the road to "
        "the Tây Yên Tử nature reserve.",
    ),
    "diem-ocop-luc-ngan": (
        "Lục Ngạn OCOP showroom",
        "Lục Ngạn lychee, Chũ noodles and fruit, with introductions to lychee orchards that "
        "welcome visitors at harvest time.",
    ),
    "diem-ocop-luc-nam": (
        "Lục Nam OCOP showroom",
        "A stop on the way to Suối Mỡ and Huyền Đinh: custard apples, purple sticky-rice wine "
        "and Lục Nam herbal products.",
    ),
    "diem-ocop-yen-the": (
        "Yên Thế OCOP showroom",
        "Near the Yên Thế uprising heritage site: Yên Thế hill chicken, Bố Hạ tea and the "
        "Xuân Lung – Thác Ngà tour.",
    ),
    "diem-ocop-yen-dung": (
        "Yên Dũng OCOP showroom",
        "Rice, mushrooms, black carp and fish cakes from Yên Dũng, near Vĩnh Nghiêm pagoda.",
    ),
    "diem-ocop-viet-yen": (
        "Việt Yên OCOP showroom",
        "Vân village rice wine, Thổ Hà pottery, Tăng Tiến rattan and Việt Yên woodwork.",
    ),
    "lang-khe-ro": (
        "Khe Rỗ eco-tourism village",
        "A Dao and Tày hamlet inside the Tây Yên Tử nature reserve, with old-growth forest, "
        "rocky streams and waterfalls. Stay in a stilt house, walk the forest with local "
        "guides and taste bamboo-tube rice, hill chicken and wild greens.",
    ),
    "lang-suoi-mo": (
        "Suối Mỡ eco-tourism village",
        "A stream falling from Huyền Đinh mountain over three waterfalls, with the temple of "
        "Princess Quế Mỵ Nương. The Suối Mỡ festival is held early in the sixth lunar month; "
        "visitors swim, camp and work the fields with local families.",
    ),
    "lang-xuan-lung-thac-nga": (
        "Xuân Lung – Thác Ngà eco-tourism village",
        "Forested hills in northern Yên Thế with Ngà waterfall, Đồng Mương lake and Dao and "
        "Tày hamlets; learn the history of the Yên Thế uprising, share a village meal and "
        "walk in the forest.",
    ),
}

#: Producer slug → (English name, English story).
PRODUCERS: dict[str, tuple[str, str]] = {
    "htx-vai-thieu-luc-ngan": (
        "Lục Ngạn Lychee Cooperative",
        "Founded in 2012 by 36 lychee-growing households in Phượng Sơn, the cooperative now "
        "has over 120 members and 180 ha of lychee grown to VietGAP and GlobalGAP standards.",
    ),
    "trang-trai-vai-thanh-hai": (
        "Hoàng Long Lychee Farm",
        "A 12 ha farm on the Thanh Hải hills growing lychee and keeping bees for lychee "
        "blossom honey; among the first in the commune to farm to VietGAP.",
    ),
    "htx-my-chu-nam-duong": (
        "Nam Dương Chũ Noodle Cooperative",
        "Thủ Dương village has made noodles for over a century. The cooperative keeps the old "
        "way: bao thai rice soaked overnight, ground, steamed into sheets, cut and sun-dried.",
    ),
    "hkd-my-chu-thu-duong": (
        "Bình Minh Chũ Noodles (family business)",
        "Three generations of noodle makers, now making vegetable Chũ noodles coloured with "
        "gac fruit, pandan and beetroot.",
    ),
    "htx-nong-nghiep-thanh-hai": (
        "Thanh Hải Agricultural Cooperative",
        "85 households growing bao thai rice, an old highland variety, on fields along the "
        "Lục Nam river: clear grains, softly sticky when cooked.",
    ),
    "cong-ty-nong-san-luc-ngan": (
        "Lục Ngạn Farm Produce Co., Ltd.",
        "Processes Lục Ngạn lychee and fruit into wine, juice and freeze-dried goods, buying "
        "from more than 300 growing households.",
    ),
    "htx-duoc-lieu-tuan-dao": (
        "Tuấn Đạo Medicinal Herb Cooperative",
        "Grows golden camellia, purple morinda and jiaogulan under the Tây Yên Tử protection "
        "forest, conserving the Dao people's medicinal plants.",
    ),
    "hkd-lam-san-van-son": (
        "Vân Sơn Forest Products (family business)",
        "Ms Mai's family buys and dries the hamlet's non-timber forest products: wood-ear "
        "fungus, shiitake, bamboo shoots and honey, in wood-fired driers.",
    ),
    "htx-mien-dong-an-chau": (
        "An Châu Arrowroot Noodle Cooperative",
        "Grows canna on hillside plots and makes arrowroot glass noodles by hand; in winter, "
        "smoked highland pork the Tày way.",
    ),
    "tht-tho-cam-an-lac": (
        "An Lạc Brocade Weaving Group",
        "Twelve Dao women in An Lạc keep the craft of weaving and embroidering brocade, dyed "
        "with indigo from forest leaves.",
    ),
    "tht-du-lich-khe-ro": (
        "Khe Rỗ Community Tourism Group",
        "Eight Khe Rỗ families open their stilt houses to guests, guide walks into the Tây "
        "Yên Tử reserve and cook bamboo-tube rice, hill chicken and wild greens.",
    ),
    "htx-du-lich-suoi-mo": (
        "Suối Mỡ Eco-tourism Cooperative",
        "Runs visits to the Suối Mỡ stream, waterfalls and temple, farm days with local "
        "families, and makes purple sticky-rice wine to a village recipe.",
    ),
    "trang-trai-huyen-son": (
        "Huyền Sơn Custard Apple Farm",
        "8 ha at the foot of Huyền Đinh mountain growing custard apples and star apples the "
        "organic way, with composted manure and biological traps instead of pesticides.",
    ),
    "cong-ty-thao-moc-luc-nam": (
        "Lục Nam Herbal Co., Ltd.",
        "Makes shampoo, essential oils and cosmetics from honey locust, pomelo and lemongrass "
        "grown in Lục Nam, after the region's traditional hair-washing recipes.",
    ),
    "htx-ga-doi-dong-tam": (
        "Yên Thế Hill Chicken Cooperative",
        "64 members raise chickens free-ranging on lychee and acacia hills for at least 150 "
        "days; Yên Thế hill chicken is a registered collective mark.",
    ),
    "tht-ga-doi-phon-xuong": (
        "Phồn Xương Poultry Group",
        "15 households raising young hens and making lemongrass-chilli chicken feet, sold at "
        "Cầu Gỗ market and to kitchens across the province.",
    ),
    "cong-ty-che-bo-ha": (
        "Bố Hạ Tea Joint Stock Company",
        "Buys tea shoots from over 200 households on the Yên Thế hills and makes pan-fired "
        "green tea and black tea.",
    ),
    "htx-du-lich-xuan-luong": (
        "Xuân Lung – Thác Ngà Tourism Cooperative",
        "Dao and Tày families of Xuân Lương welcome visitors to Ngà waterfall, old-growth "
        "forest and the Yên Thế uprising sites.",
    ),
    "trang-trai-ca-tu-mai": (
        "Tư Mại Fish Farm",
        "15 ha of ponds fed from the Thương river, raising black carp and common carp on "
        "snails and greens, with a certified fish-cake kitchen.",
    ),
    "htx-nong-nghiep-lang-son": (
        "Lãng Sơn Agricultural Cooperative",
        "60 ha of fragrant rice and golden-flower sticky rice grown to VietGAP, milled and "
        "packed on site.",
    ),
    "tht-nam-nham-son": (
        "Nham Sơn Mushroom Group",
        "Grows oyster mushrooms on rice straw after the harvest: less straw burning and a "
        "winter income for 20 households.",
    ),
    "htx-nong-nghiep-tan-thanh": (
        "Tân Thanh Clean Farming Cooperative",
        "Greenhouse vegetables and VietGAP pork from a closed chain, supplying school kitchens "
        "and supermarkets.",
    ),
    "trang-trai-nam-my-thai": (
        "Mỹ Thái Lingzhi Farm",
        "Six climate-controlled houses growing red lingzhi on sawdust; every batch is tested "
        "for its active compounds.",
    ),
    "hkd-gio-cha-voi": (
        "Vôi Pork Roll (family business)",
        "Hand-pounded pork and beef rolls from same-day meat, wrapped in banana leaves, no "
        "borax; known at Vôi market since the 1990s.",
    ),
    "htx-vai-som-phuc-hoa": (
        "Phúc Hòa Early Lychee Cooperative",
        "Home of the Phúc Hòa early lychee, ripe almost a month before Lục Ngạn's; 95 ha of "
        "VietGAP lychee with peanuts grown between the trees.",
    ),
    "hkd-nghe-ngoc-thien": (
        "Ngọc Thiện Turmeric (family business)",
        "Ms Hoa's family makes turmeric starch by soaking and de-oiling by hand, and peanut "
        "brittle from Tân Yên red peanuts.",
    ),
    "trang-trai-buoi-lien-chung": (
        "Liên Chung Diễn Pomelo Farm",
        "5 ha of Diễn pomelo on low hills, harvested for Tết and kept with natural beeswax.",
    ),
    "cong-ty-thuc-pham-hiep-hoa": (
        "Hiệp Hòa Export Foods Joint Stock Company",
        "Pickles gherkins and chillies for Japan and Korea, buying from thousands of Hiệp Hòa "
        "growers.",
    ),
    "htx-rau-qua-hoang-van": (
        "Hoàng Vân Safe Vegetable Cooperative",
        "VietGAP cucumbers and bird's-eye chillies along the Cầu river, three crops a year, "
        "with growing-area codes for export.",
    ),
    "tht-det-may-mai-dinh": (
        "Mai Đình Weaving Group",
        "Former garment workers weaving bamboo-fibre and cotton towels on small home looms.",
    ),
    "htx-ruou-lang-van": (
        "Vân Village Rice Wine Cooperative",
        "Vân village wine, famous since the Lý dynasty, distilled from sticky rice with a "
        "family herbal yeast and village well water, then aged underground in clay jars.",
    ),
    "hkd-gom-tho-ha": (
        "Thổ Hà Pottery (family business)",
        "One of the last kilns making Thổ Hà brown stoneware: Cầu river clay, fired with wood "
        "for over three days, no chemical glaze.",
    ),
    "cong-ty-do-go-tien-son": (
        "Tiên Sơn Fine Woodwork Co., Ltd.",
        "A family workshop grown to 40 craftsmen, making tea tables, boxes and decoration "
        "from FSC-certified plantation wood for export to Europe.",
    ),
    "htx-may-tre-dan-tang-tien": (
        "Tăng Tiến Rattan and Bamboo Cooperative",
        "Tăng Tiến craft village has over 700 weaving households; the cooperative takes export "
        "orders and teaches the craft to women and older villagers.",
    ),
    "hkd-my-da-mai": (
        "Thành Công Đa Mai Noodles (family business)",
        "Đa Mai village on the Thương river makes fine, soft rice noodles; Mr Công's dryer "
        "keeps them coming through the rainy season.",
    ),
    "tht-banh-da-ke": (
        "Kế Rice Cracker Group",
        "Kế rice crackers of rice, black sesame and peanuts, sun-dried on bamboo racks and "
        "toasted over charcoal; 18 households keep the village craft.",
    ),
    "cong-ty-nong-san-song-khe": (
        "Song Khê Biotech Co., Ltd.",
        "A start-up of young engineers growing cordyceps in clean rooms and freeze-drying it "
        "to keep its active compounds.",
    ),
}

#: Product SKU → (English title, English description).
PRODUCTS: dict[str, tuple[str, str]] = {
    "LN-VT-001": (
        "Lục Ngạn lychee",
        "A 2 kg box of fresh Lục Ngạn lychee picked the same day from the cooperative's "
        "VietGAP orchards: round, deep-red fruit with thick white flesh, small stones and a "
        "rich sweetness. In season from late May to late July.",
    ),
    "LN-VT-002": (
        "Dried Lục Ngạn lychee",
        "1 kg of whole lychee dried over longan wood the traditional way: chewy, sweet and "
        "fragrant, keeps for 12 months.",
    ),
    "LN-VT-003": (
        "Lục Ngạn lychee juice",
        "Six 330 ml bottles of pure pasteurised lychee juice, no added sugar.",
    ),
    "LN-VT-004": (
        "Lychee picking at a Phượng Sơn orchard",
        "Half a day in a lychee orchard: pick and taste the fruit under the trees. Price per "
        "guest, 2 kg of lychee to take home included.",
    ),
    "LN-VT-005": (
        "VietGAP Lục Ngạn lychee, 5 kg box",
        "A 5 kg insulated box of VietGAP lychee with a traceability label, packed with dry ice "
        "for long journeys.",
    ),
    "LN-MO-001": (
        "Lục Ngạn lychee blossom honey",
        "1 litre of lychee blossom honey gathered in March: bright gold, floral, under 20% "
        "moisture, nothing added.",
    ),
    "LN-MC-001": (
        "Nam Dương Chũ noodles",
        "1 kg of Chũ noodles made from bao thai rice: fine, chewy, naturally ivory, sun-dried. "
        "Stir-fry, add to soup or dress as a salad; cooks in 2–3 minutes.",
    ),
    "LN-MC-002": (
        "Brown rice Chũ noodles",
        "500 g of Chũ noodles from red brown rice, rich in fibre, good for special diets.",
    ),
    "LN-MC-003": (
        "Vegetable Chũ noodles",
        "500 g of three-colour Chũ noodles naturally coloured with gac fruit, pandan and "
        "beetroot; a favourite with children.",
    ),
    "LN-GB-001": (
        "Lục Ngạn bao thai rice",
        "5 kg of bao thai, an old rice of the northern hills: small clear grains, softly "
        "sticky and lightly fragrant; the rice Chũ noodles are made from.",
    ),
    "LN-NS-001": (
        "Lục Ngạn lychee wine",
        "A 750 ml bottle of wine fermented from ripe lychee, 12% ABV, clearly lychee, balanced "
        "sweet and sour. Best served chilled.",
    ),
    "LN-NS-002": (
        "Lục Ngạn candied lychee",
        "300 g of soft candied lychee; a new product preparing for its OCOP evaluation.",
    ),
    "SD-DL-001": (
        "Sơn Động golden camellia tea",
        "100 g of freeze-dried golden camellia flowers picked under the Tây Yên Tử forest: a "
        "golden brew, slightly astringent with a sweet finish.",
    ),
    "SD-DL-002": (
        "Sơn Động purple morinda root",
        "1 kg of cored, sun-dried purple morinda root, grown in forest soil for three years or "
        "more.",
    ),
    "SD-DL-003": (
        "Sơn Động jiaogulan tea",
        "500 g of dried jiaogulan. Scored under 50 points in 2024 for want of periodic lab "
        "tests; the cooperative is preparing to be re-evaluated.",
    ),
    "SD-DL-004": (
        "Sơn Động lemongrass essential oil",
        "50 ml of steam-distilled lemongrass oil to scent a room and keep mosquitoes away.",
    ),
    "SD-LS-001": (
        "Sơn Động wild wood-ear fungus",
        "500 g of dried wild wood-ear fungus: thick, crunchy, swells well when soaked.",
    ),
    "SD-LS-002": (
        "Sơn Động wild shiitake",
        "500 g of thick-capped wild shiitake with short stems and a deep aroma, dried over a "
        "wood fire.",
    ),
    "SD-LS-003": (
        "Sơn Động dried bamboo shoots",
        "500 g of boiled, sun-dried forest bamboo shoots. Rated 2 stars in 2022; packaging and "
        "quality records are being improved for re-evaluation.",
    ),
    "SD-LS-004": (
        "Sơn Động wild honey",
        "1 litre of wild honey from the Sơn Động forest: rich, with a faintly bitter finish.",
    ),
    "SD-MD-001": (
        "Sơn Động arrowroot glass noodles",
        "1 kg of handmade canna glass noodles: chewy, clear and firm in the pot.",
    ),
    "SD-MD-002": (
        "Sơn Động smoked highland pork",
        "500 g of highland pork rubbed with mắc khén pepper, ginger and garlic, smoked over the "
        "kitchen fire and vacuum-packed.",
    ),
    "SD-TC-001": (
        "Sơn Động Dao brocade scarf",
        "A hand-woven scarf dyed with indigo and embroidered with the Dao people's traditional "
        "patterns in An Lạc.",
    ),
    "SD-TC-002": (
        "Khe Rỗ hand-embroidered brocade bag",
        "A cross-body bag of hand-embroidered brocade lined with cotton; no two patterns alike.",
    ),
    "SD-TC-003": (
        "An Lạc Dao indigo jacket",
        "A cotton jacket dyed with indigo, hand-embroidered at the collar and cuffs, made to "
        "measure.",
    ),
    "SD-KR-001": (
        "Khe Rỗ stilt-house homestay (1 night, 2 guests)",
        "One night in a stilt house in Khe Rỗ for two, with a dinner of bamboo-tube rice, hill "
        "chicken and wild greens, and breakfast.",
    ),
    "SD-KR-002": (
        "Tây Yên Tử forest tour – Khe Rỗ",
        "A day's walk in the Tây Yên Tử reserve with a local guide, a swim in the stream and "
        "lunch in the village; price per guest.",
    ),
    "LNA-SM-001": (
        "Suối Mỡ eco-tour (1 day)",
        "Suối Mỡ temple, the middle waterfall, a swim and a Lục Nam lunch; price per guest, "
        "entry tickets included.",
    ),
    "LNA-SM-002": (
        "Suối Mỡ purple sticky-rice wine",
        "500 ml of purple sticky-rice wine, naturally purple, gently sweet, 29% ABV.",
    ),
    "LNA-NA-001": (
        "Lục Nam custard apples",
        "2 kg of tree-ripened custard apples with large, firm, sweet segments; August to October.",
    ),
    "LNA-NA-002": (
        "Lục Nam star apples",
        "2 kg of star apples from the Huyền Sơn hills: thin skin, white flesh, sweet milky juice.",
    ),
    "LNA-TM-001": (
        "Lục Nam honey locust shampoo",
        "300 ml of herbal shampoo with honey locust, pomelo peel and basil. Its 2020 3-star "
        "certificate has expired and it has not been re-evaluated.",
    ),
    "LNA-TM-002": (
        "Lục Nam pomelo peel oil",
        "100 ml of distilled pomelo peel oil for hair care.",
    ),
    "YT-GD-001": (
        "Yên Thế hill chicken",
        "A whole free-range rooster, dressed, 1.8–2 kg, with a traceability leg ring. Firm "
        "meat and crisp golden skin; best boiled and dipped in salt, lime and basil.",
    ),
    "YT-GD-002": (
        "Salt-baked Yên Thế hill chicken",
        "A whole hill chicken cured with rock salt, prickly ash and lime leaves, vacuum-packed; "
        "steam for 10 minutes to serve.",
    ),
    "YT-GD-003": (
        "Yên Thế hill chicken eggs",
        "Ten hill-chicken eggs with deep-coloured yolks, collected the same day.",
    ),
    "YT-GD-004": (
        "Young Yên Thế hill hen",
        "A whole free-range young hen, 1.4–1.6 kg, tender and lean; ideal for rice porridge "
        "and herbal stews.",
    ),
    "YT-GD-005": (
        "Hill chicken feet with lemongrass and chilli",
        "500 g of hill chicken feet pickled with lemongrass, chilli and kumquat; crunchy, keep "
        "chilled.",
    ),
    "YT-CH-001": (
        "Yên Thế green tea",
        "200 g of pan-fired green tea shoots: a yellow-green brew, gently astringent, sweet "
        "finish.",
    ),
    "YT-CH-002": (
        "Bố Hạ black tea",
        "100 g of black tea fermented from one bud and two leaves: a red brew with a honey aroma.",
    ),
    "YT-XL-001": (
        "Xuân Lung – Thác Ngà day trip",
        "A day at Ngà waterfall, the old-growth forest and a Dao hamlet, with a local lunch; "
        "price per guest.",
    ),
    "YD-CA-001": (
        "Yên Dũng black carp",
        "A dressed black carp, 2–3 kg, raised on snails in ponds fed by the Thương river: "
        "firm, clean-tasting flesh. Price per kg.",
    ),
    "YD-CA-002": (
        "Yên Dũng black carp fish cakes",
        "500 g of hand-pounded black carp cakes with dill and pepper; fry or steam.",
    ),
    "YD-GT-001": (
        "Yên Dũng fragrant rice",
        "5 kg of VietGAP long-grain fragrant rice, soft and lightly scented.",
    ),
    "YD-GT-002": (
        "Yên Dũng golden-flower sticky rice",
        "5 kg of round-grain golden-flower sticky rice for xôi, bánh chưng and rice wine.",
    ),
    "YD-NS-001": (
        "Fresh Nham Sơn oyster mushrooms",
        "1 kg of white oyster mushrooms grown on clean straw, picked in the morning, delivered "
        "the same day.",
    ),
    "YD-NS-002": (
        "Crispy dried oyster mushrooms",
        "200 g of crispy oyster mushrooms with garlic and chilli; a light vegetarian snack.",
    ),
    "LG-RS-001": (
        "Lạng Giang VietGAP vegetables",
        "A 3 kg basket of seasonal VietGAP greenhouse vegetables: mustard greens, kohlrabi, "
        "tomatoes, melons.",
    ),
    "LG-RS-002": (
        "Lạng Giang VietGAP pork",
        "1 kg of pork belly from a VietGAP chain, slaughtered in a certified facility.",
    ),
    "LG-NL-001": (
        "Lạng Giang red lingzhi",
        "500 g of sliced, dried red lingzhi, with a lab report on active compounds for each batch.",
    ),
    "LG-NL-002": (
        "Lingzhi tea bags",
        "30 lingzhi and stevia tea bags for an everyday cup.",
    ),
    "LG-GC-001": (
        "Vôi pork roll",
        "A 1 kg giò lụa pork roll pounded from same-day meat, wrapped in banana leaves, no "
        "borax; springy, with a fish-sauce aroma.",
    ),
    "TY-VS-001": (
        "Phúc Hòa early lychee",
        "2 kg of Phúc Hòa early lychee, ripe from mid-May: large, bright red, sweet and tart.",
    ),
    "TY-VS-002": (
        "Tân Yên red peanuts",
        "1 kg of red-skinned peanuts grown between the lychee trees: full and nutty, for "
        "roasting or pressing.",
    ),
    "TY-NG-001": (
        "Tân Yên turmeric starch",
        "500 g of de-oiled golden turmeric starch, fine and quick to dissolve in warm water.",
    ),
    "TY-NG-002": (
        "Tân Yên peanut brittle",
        "300 g of crunchy peanut brittle made with cane molasses and ginger.",
    ),
    "TY-BU-001": (
        "Tân Yên Diễn pomelo",
        "A box of four Diễn pomelos (about 4 kg): golden skin, dry segments, cool and sweet; "
        "available around Tết.",
    ),
    "HH-XK-001": (
        "Hiệp Hòa pickled gherkins",
        "700 g of sweet-and-sour pickled gherkins made to Japanese export standards.",
    ),
    "HH-XK-002": (
        "Hiệp Hòa chilli sauce",
        "250 g of bird's-eye chilli sauce. A trial product, rated 1 star in 2022.",
    ),
    "HH-RQ-001": (
        "Hiệp Hòa cucumbers",
        "5 kg of straight, crisp VietGAP cucumbers with an export growing-area code.",
    ),
    "HH-RQ-002": (
        "Hiệp Hòa bird's-eye chillies",
        "1 kg of small, fiery fresh chillies from the export growing areas along the Cầu river.",
    ),
    "HH-DM-001": (
        "Mai Đình bamboo-fibre face towels",
        "Five soft, naturally antibacterial bamboo-fibre face towels.",
    ),
    "HH-DM-002": (
        "Hiệp Hòa cotton bath towels",
        "Two thick 70 × 140 cm cotton bath towels that stay smooth wash after wash.",
    ),
    "VY-RV-001": (
        "Vân village rice wine",
        "500 ml of Vân village sticky-rice wine, 40% ABV, aged underground for six months: "
        "smooth, with a herbal-yeast aroma.",
    ),
    "VY-RV-002": (
        "Vân village apricot wine",
        "1 litre of Vân village wine steeped with yellow apricots, 25% ABV, sweet and tart; a "
        "fine gift.",
    ),
    "VY-GT-001": (
        "Thổ Hà brown stoneware vase",
        "A 35 cm wood-fired brown stoneware vase that rings like a bell when tapped.",
    ),
    "VY-GT-002": (
        "Thổ Hà stoneware tea set",
        "A Thổ Hà teapot and six cups that hold the heat and keep no taste of old tea.",
    ),
    "VY-GT-003": (
        "Pottery making in Thổ Hà village",
        "Half a day in old Thổ Hà village: the communal house, the kilns, and a piece you shape "
        "yourself to take home; price per guest.",
    ),
    "VY-DG-001": (
        "Việt Yên carved wooden box",
        "A rosewood box carved with bronze-drum motifs and lined with velvet, for tea or "
        "jewellery.",
    ),
    "VY-DG-002": (
        "Việt Yên wooden tea table",
        "An 80 × 50 cm mahogany tea table with traditional joints and a plant-oil finish.",
    ),
    "VY-MT-001": (
        "Tăng Tiến rattan basket",
        "A hand-woven rattan basket with a handle, 30 cm across, for shopping, storage or display.",
    ),
    "VY-MT-002": (
        "Tăng Tiến bamboo tray set",
        "Three nesting woven bamboo trays, a European export design, naturally mould-proofed.",
    ),
    "BG-MY-001": (
        "Đa Mai rice noodles",
        "1 kg of Đa Mai village rice noodles: fine, soft and chewy, quick to cook, no "
        "preservatives.",
    ),
    "BG-BD-001": (
        "Kế sesame rice crackers",
        "Ten Kế village rice crackers with sesame and peanuts; toast over charcoal until crisp.",
    ),
    "BG-BD-002": (
        "Kế rice paper for spring rolls",
        "50 thin, pliable rice paper sheets that roll without tearing and fry crisp.",
    ),
    "BG-DT-001": (
        "Freeze-dried cordyceps",
        "20 g of cordyceps grown in clean rooms and freeze-dried to keep its cordycepin.",
    ),
}


def demo_english_missing() -> list[str]:
    """The demo's categories, producers, places and products that have no English here."""
    wanted = (
        ("category", CATEGORIES, [g.slug for g in data.GROUPS]),
        ("category", CATEGORIES, [s.slug for g in data.GROUPS for s in g.subgroups]),
        ("producer", PRODUCERS, [p.slug for p in data.PRODUCERS]),
        ("place", PLACES, [p.slug for p in data.PLACES]),
        ("product", PRODUCTS, [p.sku for p in data.PRODUCTS]),
    )
    return [f"{kind} {key}" for kind, table, keys in wanted for key in keys if key not in table]


def _fill(row, values: dict[str, str]) -> bool:
    """Write ``values`` into the row's empty fields only; whether anything was written."""
    empty = {name: value for name, value in values.items() if value and not getattr(row, name)}
    for name, value in empty.items():
        setattr(row, name, value)
    if empty:
        row.save(update_fields=list(empty))
    return bool(empty)


def demo_english_load(*, created) -> None:
    """Give the demo's rows their English names and descriptions (empty fields only)."""
    Category = get_model("catalogue", "Category")
    Place = get_model("catalogue", "Place")
    Product = get_model("catalogue", "Product")
    Producer = get_model("partner", "Producer")
    for category in Category.objects.filter(slug__in=list(CATEGORIES)):
        name, description = CATEGORIES[category.slug]
        created["English categories"] += _fill(
            category, {"name_en": name, "description_en": description}
        )
    for producer in Producer.objects.filter(slug__in=list(PRODUCERS)):
        name, story = PRODUCERS[producer.slug]
        created["English producers"] += _fill(producer, {"name_en": name, "story_en": story})
    for place in Place.objects.filter(slug__in=list(PLACES)):
        name, description = PLACES[place.slug]
        hours = SHOWROOM_HOURS if place.opening_hours == data.SHOWROOM_HOURS else ""
        created["English places"] += _fill(
            place, {"name_en": name, "description_en": description, "opening_hours_en": hours}
        )
    for product in Product.objects.filter(code__in=list(PRODUCTS)):
        title, description = PRODUCTS[product.code]
        created["English products"] += _fill(
            product, {"title_en": title, "description_en": description}
        )
