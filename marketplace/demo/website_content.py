"""The website's demo content, in Vietnamese and English: news, fairs, programme pages, showroom
and village pages, the map and the contact page. Loaded by
:func:`marketplace.demo.website.website_load`.

Dates are offsets from the day of loading (news ``days_ago``, fairs ``starts_in`` days), so a
fresh demo always has a past fair, one on now and upcoming ones. Products are named by SKU
(:data:`marketplace.demo.data.PRODUCTS`); the pages only link to them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Text:
    """A title and lead in both languages, and body paragraphs (plain text, one per item)."""

    title: str
    intro: str
    body: tuple[str, ...] = ()
    title_en: str = ""
    intro_en: str = ""
    body_en: tuple[str, ...] = ()


@dataclass(frozen=True)
class NewsData:
    """One demo article."""

    slug: str
    slug_en: str
    days_ago: int
    author: str
    category: str
    tags: tuple[str, ...]
    skus: tuple[str, ...]
    text: Text


@dataclass(frozen=True)
class FairData:
    """One demo fair; its dates are ``starts_in`` days from the load for ``days`` days."""

    slug: str
    slug_en: str
    starts_in: int
    days: int
    venue: str
    address: str
    latitude: str
    longitude: str
    organiser: str
    producers: tuple[str, ...]
    skus: tuple[str, ...]
    text: Text
    registration: str = ""
    registration_en: str = ""


@dataclass(frozen=True)
class IndexData:
    """An index page (news, fairs, showrooms, villages, map, contact, programme)."""

    slug: str
    slug_en: str
    text: Text
    in_menu: bool = True


@dataclass(frozen=True)
class ProgrammeData:
    """A programme page and its topic (see :class:`cms.models.ProgrammePage.Topic`)."""

    slug: str
    slug_en: str
    topic: str
    text: Text


NEWS_INDEX = IndexData(
    "tin-tuc",
    "news",
    Text(
        "Tin tức",
        "Tin về chương trình OCOP, mùa vụ, xúc tiến thương mại và các chủ thể Bắc Giang.",
        title_en="News",
        intro_en="News of the OCOP programme, harvests, trade promotion and Bắc Giang producers.",
    ),
)
FAIR_INDEX = IndexData(
    "hoi-cho",
    "fairs",
    Text(
        "Hội chợ",
        "Hội chợ, phiên chợ và tuần lễ OCOP do Sở Công Thương tổ chức hoặc tham gia.",
        title_en="Fairs",
        intro_en="Fairs, markets and OCOP weeks that the Department of Industry and Trade "
        "organises "
        "or takes part in.",
    ),
)
SHOWROOM_INDEX = IndexData(
    "diem-ban",
    "showrooms",
    Text(
        "Điểm bán OCOP",
        "Sáu điểm giới thiệu và bán sản phẩm OCOP gắn với du lịch tại Sơn Động, Lục Ngạn, Lục Nam, "
        "Yên Thế, Yên Dũng và Việt Yên.",
        title_en="OCOP showrooms",
        intro_en="Six OCOP showroom and sales points, tied to tourism, in Sơn Động, Lục Ngạn, "
        "Lục Nam, Yên Thế, Yên Dũng and Việt Yên.",
    ),
)
VILLAGE_INDEX = IndexData(
    "lang-du-lich",
    "villages",
    Text(
        "Làng du lịch",
        "Ba làng văn hóa du lịch sinh thái: Khe Rỗ, Suối Mỡ và Xuân Lung – Thác Ngà.",
        title_en="Villages",
        intro_en="Three eco-tourism culture villages: Khe Rỗ, Suối Mỡ and Xuân Lung – Thác Ngà.",
    ),
    in_menu=False,
)
MAP_PAGE = IndexData(
    "ban-do",
    "map",
    Text(
        "Bản đồ",
        "Các điểm bán OCOP và làng du lịch sinh thái của Bắc Giang trên bản đồ.",
        title_en="Map",
        intro_en="Bắc Giang's OCOP showrooms and eco-tourism villages on the map.",
    ),
)
CONTACT_PAGE = IndexData(
    "lien-he",
    "contact",
    Text(
        "Liên hệ",
        "Gửi câu hỏi, góp ý hoặc đăng ký tham gia chương trình OCOP cho Văn phòng điều phối "
        "OCOP tỉnh Bắc Giang. Chúng tôi trả lời trong hai ngày làm việc.",
        title_en="Contact",
        intro_en="Send questions, feedback or a request to join the OCOP programme to the Bắc "
        "Giang "
        "OCOP coordination office. We answer within two working days.",
    ),
    in_menu=False,
)

PROGRAMME_ROOT = ProgrammeData(
    "chuong-trinh-ocop",
    "ocop-programme",
    "overview",
    Text(
        "Chương trình OCOP",
        "Mỗi xã một sản phẩm: chương trình phát triển kinh tế khu vực nông thôn theo hướng phát "
        "huy "
        "nội lực, nâng cao giá trị sản phẩm đặc trưng của từng địa phương.",
        (
            "Đề án OCOP tỉnh Bắc Giang giai đoạn 2018–2020, định hướng đến năm 2030, đặt mục tiêu "
            "chuẩn hóa các sản phẩm sẵn có, phát triển sản phẩm mới và xây dựng sáu điểm giới "
            "thiệu, "
            "bán sản phẩm OCOP gắn với du lịch.",
            "Chương trình thực hiện theo nguyên tắc từ dưới lên: người dân biết, người dân bàn, "
            "người "
            "dân làm; Nhà nước đóng vai trò định hướng, ban hành chính sách và hỗ trợ.",
        ),
        title_en="The OCOP programme",
        intro_en="One Commune One Product: a programme that grows the rural economy from within, "
        "adding value to each place's signature products.",
        body_en=(
            "Bắc Giang's OCOP scheme for 2018–2020, with orientation to 2030, sets out to "
            "standardise existing products, develop new ones and build six OCOP showroom and "
            "sales points tied to tourism.",
            "The programme works bottom-up: people know, discuss and do; the State guides, "
            "makes policy and supports.",
        ),
    ),
)
PROGRAMME_PAGES = (
    ProgrammeData(
        "chu-trinh-ocop",
        "ocop-cycle",
        "cycle",
        Text(
            "Chu trình OCOP sáu bước",
            "Mỗi năm, chương trình đi qua sáu bước, từ tuyên truyền đến xúc tiến thương mại.",
            (
                "Ý tưởng sản phẩm được nhận vào tháng 3, phương án kinh doanh vào tháng 4; hội "
                "đồng "
                "cấp huyện đánh giá vào tháng 8 và cấp tỉnh vào tháng 9.",
            ),
            title_en="The six-step OCOP cycle",
            intro_en="Every year the programme goes through six steps, from outreach to trade "
            "promotion.",
            body_en=(
                "Product ideas are received in March and business plans in April; district "
                "councils evaluate in August and the province in September.",
            ),
        ),
    ),
    ProgrammeData(
        "nhom-san-pham",
        "product-groups",
        "groups",
        Text(
            "Sáu nhóm sản phẩm",
            "Sản phẩm OCOP được xếp vào sáu nhóm; mỗi nhóm là một danh mục của cửa hàng.",
            title_en="The six product groups",
            intro_en="OCOP products fall into six groups; each group is a category of the shop.",
        ),
    ),
    ProgrammeData(
        "xep-hang-sao",
        "star-rating",
        "stars",
        Text(
            "Cách xếp hạng sao",
            "Hội đồng chấm điểm sản phẩm trên thang 100 theo bộ tiêu chí quốc gia và xếp hạng từ 1 "
            "đến 5 sao.",
            title_en="How stars are awarded",
            intro_en="Councils score products out of 100 under the national criteria and rank them "
            "from 1 to 5 stars.",
        ),
    ),
    ProgrammeData(
        "cach-tham-gia",
        "how-to-take-part",
        "take_part",
        Text(
            "Cách tham gia",
            "Hợp tác xã, doanh nghiệp nhỏ và vừa, tổ hợp tác, hộ kinh doanh và chủ trang trại "
            "đều có "
            "thể đăng ký sản phẩm.",
            (
                "Liên hệ phòng Nông nghiệp của huyện hoặc Văn phòng điều phối OCOP tỉnh để được "
                "hướng "
                "dẫn lập phiếu đăng ký ý tưởng sản phẩm.",
                "Sau khi được chấp thuận, chủ thể xây dựng phương án kinh doanh, hoàn thiện sản "
                "phẩm, "
                "bao bì, nhãn mác và hồ sơ chất lượng, rồi nộp hồ sơ đánh giá.",
            ),
            title_en="How to take part",
            intro_en="Cooperatives, small and medium enterprises, cooperative groups, registered "
            "business households and farm owners can all register products.",
            body_en=(
                "Contact your district's agriculture office or the provincial OCOP "
                "coordination office for help filling in the product idea form.",
                "Once accepted, the producer writes a business plan, finishes the product, "
                "its packaging, labels and quality file, then submits it for evaluation.",
            ),
        ),
    ),
)

NEWS = (
    NewsData(
        "vai-thieu-luc-ngan-vao-vu",
        "luc-ngan-lychee-season-opens",
        3,
        "Nguyễn Thu Hà",
        "mua-vu",
        ("vải thiều", "Lục Ngạn"),
        ("LN-VT-001", "LN-VT-005"),
        Text(
            "Vải thiều Lục Ngạn vào vụ thu hoạch chính",
            "Các vườn VietGAP ở Lục Ngạn bắt đầu thu hoạch chính vụ, sản lượng dự kiến "
            "tăng so với năm trước.",
            (
                "Tại thị trấn Chũ, các điểm cân vải hoạt động từ 4 giờ sáng. Hợp tác xã vải "
                "thiều Lục Ngạn cho biết quả năm nay đều, vỏ đỏ đẹp, độ ngọt cao.",
                "Người mua có thể đặt vải tươi trên cửa hàng OCOP hoặc ghé điểm bán OCOP "
                "Lục Ngạn để chọn hàng tận nơi.",
            ),
            "Lục Ngạn lychee enters its main harvest",
            "VietGAP orchards in Lục Ngạn start their main harvest, with a larger crop "
            "expected than last year.",
            (
                "In Chũ town the lychee weighing points open at 4 a.m. The Lục Ngạn lychee "
                "cooperative says the fruit is even, deep red and very sweet this year.",
                "Buyers can order fresh lychee from the OCOP shop or pick it in person at "
                "the Lục Ngạn OCOP showroom.",
            ),
        ),
    ),
    NewsData(
        "trao-chung-nhan-ocop-dot-1",
        "ocop-certificates-awarded-first-round",
        9,
        "Phòng Thông tin – Sở Công Thương",
        "chuong-trinh",
        ("chứng nhận", "OCOP"),
        ("LN-MC-001", "YT-GD-001"),
        Text(
            "Trao chứng nhận OCOP cho 24 sản phẩm đợt 1",
            "UBND tỉnh trao giấy chứng nhận cho 24 sản phẩm đạt 3 và 4 sao, trong đó có "
            "nhiều sản phẩm lần đầu được đánh giá.",
            (
                "Hội đồng cấp tỉnh đã chấm điểm theo bộ tiêu chí quốc gia hiện hành. Các "
                "sản phẩm đạt từ 3 sao trở lên được hỗ trợ xúc tiến thương mại và bày bán "
                "tại các điểm bán OCOP.",
            ),
            "OCOP certificates awarded to 24 products in the first round",
            "The provincial People's Committee awarded certificates to 24 products rated "
            "3 and 4 stars, many evaluated for the first time.",
            (
                "The provincial council scored them under the national criteria in force. "
                "Products rated 3 stars or more receive trade-promotion support and are sold "
                "at the OCOP showrooms.",
            ),
        ),
    ),
    NewsData(
        "ket-noi-sieu-thi-ha-noi",
        "hanoi-supermarket-connection",
        15,
        "Trần Minh Đức",
        "xuc-tien-thuong-mai",
        ("siêu thị", "kết nối cung cầu"),
        ("LN-MC-001", "YD-CA-002"),
        Text(
            "Kết nối sản phẩm OCOP Bắc Giang với chuỗi siêu thị Hà Nội",
            "Mười hai chủ thể OCOP ký thỏa thuận đưa sản phẩm vào hệ thống siêu thị và "
            "cửa hàng tiện lợi tại Hà Nội.",
            (
                "Hội nghị kết nối cung cầu giúp các hợp tác xã hiểu yêu cầu về mã vạch, "
                "truy xuất nguồn gốc và bao bì của nhà bán lẻ.",
            ),
            "Bắc Giang OCOP products connect with Hanoi supermarket chains",
            "Twelve OCOP producers signed agreements to sell in supermarkets and "
            "convenience stores in Hanoi.",
            (
                "The supply and demand conference helped cooperatives understand retailers' "
                "requirements on barcodes, traceability and packaging.",
            ),
        ),
    ),
    NewsData(
        "ga-doi-yen-the-tet",
        "yen-the-hill-chicken-for-tet",
        21,
        "Lê Văn Phúc",
        "chu-the",
        ("gà đồi", "Yên Thế"),
        ("YT-GD-001", "YT-GD-002"),
        Text(
            "Gà đồi Yên Thế chuẩn bị nguồn hàng dịp cuối năm",
            "Các trang trại ở Yên Thế tăng đàn, bảo đảm nguồn gà đồi có truy xuất nguồn "
            "gốc cho thị trường cuối năm.",
            (
                "Hợp tác xã gà đồi Đồng Tâm áp dụng quy trình chăn nuôi an toàn sinh học, "
                "mỗi con gà có tem truy xuất.",
            ),
            "Yên Thế hill chicken gets ready for the year-end market",
            "Farms in Yên Thế are growing their flocks to supply traceable hill chicken "
            "for the end of the year.",
            (
                "The Đồng Tâm hill chicken cooperative follows a biosecure rearing process; "
                "every bird carries a traceability label.",
            ),
        ),
    ),
    NewsData(
        "du-lich-khe-ro-mua-thu",
        "khe-ro-autumn-tourism",
        28,
        "Hoàng Thị Lan",
        "du-lich",
        ("Khe Rỗ", "du lịch cộng đồng"),
        ("SD-KR-001",),
        Text(
            "Khe Rỗ đón khách mùa thu với homestay nhà sàn",
            "Làng văn hóa du lịch sinh thái Khe Rỗ mở thêm tuyến đi bộ trong rừng Tây "
            "Yên Tử và các phòng nghỉ nhà sàn.",
            (
                "Khách có thể đặt homestay và tour khám phá rừng ngay trên cửa hàng OCOP, "
                "thanh toán khi đến nơi hoặc chuyển khoản.",
            ),
            "Khe Rỗ welcomes autumn visitors to its stilt-house homestays",
            "The Khe Rỗ eco-tourism village opens new forest walks in Tây Yên Tử and more "
            "stilt-house rooms.",
            (
                "Visitors can book a homestay and a forest tour on the OCOP shop and pay on "
                "arrival or by bank transfer.",
            ),
        ),
    ),
    NewsData(
        "tap-huan-bao-bi-nhan-mac",
        "packaging-and-labelling-training",
        35,
        "Văn phòng điều phối OCOP",
        "chuong-trinh",
        ("tập huấn", "bao bì"),
        (),
        Text(
            "Tập huấn thiết kế bao bì, nhãn mác cho chủ thể OCOP",
            "Sáu mươi học viên từ các hợp tác xã và hộ kinh doanh tham gia lớp tập huấn "
            "về bao bì, nhãn mác và mã vạch.",
            (
                "Lớp học hướng dẫn ghi nhãn theo quy định, đăng ký mã số mã vạch và bảo hộ "
                "nhãn hiệu tập thể.",
            ),
            "Packaging and labelling training for OCOP producers",
            "Sixty participants from cooperatives and household businesses attended a "
            "course on packaging, labels and barcodes.",
            (
                "The course covered statutory labelling, barcode registration and the "
                "protection of collective marks.",
            ),
        ),
    ),
    NewsData(
        "mien-dong-son-dong-xuat-khau",
        "son-dong-glass-noodles-export",
        42,
        "Nguyễn Thu Hà",
        "xuc-tien-thuong-mai",
        ("xuất khẩu", "Sơn Động"),
        ("SD-MD-001",),
        Text(
            "Miến dong Sơn Động tìm đường xuất khẩu",
            "Hợp tác xã miến dong An Châu làm việc với đối tác Nhật Bản về tiêu chuẩn "
            "chất lượng cho lô hàng thử nghiệm.",
            (
                "Đây là một trong các hoạt động hợp tác với chương trình OVOP của Nhật Bản "
                "mà đề án OCOP tỉnh khuyến khích.",
            ),
            "Sơn Động glass noodles look for export markets",
            "The An Châu glass-noodle cooperative is working with a Japanese partner on "
            "quality standards for a trial shipment.",
            (
                "It is one of the cooperations with Japan's OVOP programme that the "
                "provincial OCOP scheme encourages.",
            ),
        ),
    ),
    NewsData(
        "gom-tho-ha-lang-nghe",
        "tho-ha-pottery-village",
        50,
        "Trần Minh Đức",
        "chu-the",
        ("gốm", "Việt Yên"),
        ("VY-GT-001", "VY-GT-003"),
        Text(
            "Gốm Thổ Hà: giữ nghề bằng sản phẩm OCOP",
            "Các hộ làm gốm ở Thổ Hà đưa sản phẩm sành nâu truyền thống vào chương trình "
            "OCOP và đón khách trải nghiệm.",
            (
                "Bộ ấm chén và bình gốm sành nâu được khách du lịch ưa chuộng; trải nghiệm "
                "làm gốm được đặt nhiều vào cuối tuần.",
            ),
            "Thổ Hà pottery: keeping a craft alive through OCOP",
            "Potters in Thổ Hà bring their traditional brown stoneware into the OCOP "
            "programme and welcome visitors.",
            (
                "Tea sets and stoneware vases are popular with tourists; the pottery "
                "workshop is booked out most weekends.",
            ),
        ),
    ),
    NewsData(
        "huong-dan-danh-gia-2025",
        "evaluation-guidance-2025",
        60,
        "Văn phòng điều phối OCOP",
        "chuong-trinh",
        ("hướng dẫn", "đánh giá"),
        (),
        Text(
            "Hướng dẫn đánh giá sản phẩm OCOP theo quy định mới",
            "Từ tháng 7/2025, hội đồng cấp tỉnh công nhận sản phẩm 3 và 4 sao; xã tiếp "
            "nhận và kiểm tra sơ bộ hồ sơ.",
            (
                "Chủ thể nộp hồ sơ tại UBND xã; hồ sơ đạt yêu cầu được chuyển lên hội đồng "
                "cấp tỉnh.",
            ),
            "Guidance on evaluating OCOP products under the new rules",
            "From July 2025 the provincial council awards 3 and 4 stars; communes receive "
            "and pre-check dossiers.",
            (
                "Producers file their dossier at the commune; complete dossiers go up to the "
                "provincial council.",
            ),
        ),
    ),
)

FAIRS = (
    FairData(
        "hoi-cho-vai-thieu-2026",
        "lychee-fair-2026",
        -45,
        3,
        "Quảng trường thị trấn Chũ",
        "Phường Chũ, tỉnh Bắc Ninh",
        "21.375000",
        "106.599500",
        "Sở Công Thương",
        ("htx-vai-thieu-luc-ngan", "htx-my-chu-nam-duong"),
        ("LN-VT-001", "LN-MC-001"),
        Text(
            "Hội chợ vải thiều và sản phẩm OCOP Lục Ngạn",
            "Ba ngày giới thiệu vải thiều Lục Ngạn và các sản phẩm OCOP của huyện.",
            title_en="Lục Ngạn lychee and OCOP products fair",
            intro_en="Three days showcasing Lục Ngạn lychee and the district's OCOP products.",
        ),
    ),
    FairData(
        "tuan-le-ocop-bac-giang",
        "bac-giang-ocop-week",
        -1,
        4,
        "Nhà văn hóa thiếu nhi tỉnh",
        "Đường Nguyễn Văn Cừ, TP Bắc Giang",
        "21.273100",
        "106.194600",
        "Sở Công Thương",
        ("htx-ga-doi-dong-tam", "htx-duoc-lieu-tuan-dao", "htx-ruou-lang-van"),
        ("YT-GD-001", "SD-DL-001", "VY-RV-001"),
        Text(
            "Tuần lễ sản phẩm OCOP Bắc Giang",
            "Hơn 100 gian hàng sản phẩm OCOP từ 3 sao trở lên của mười huyện, thị xã, thành phố.",
            title_en="Bắc Giang OCOP week",
            intro_en="More than 100 stalls of OCOP products rated 3 stars and up from the "
            "province's ten districts.",
        ),
        registration="<p>Chủ thể đăng ký gian hàng với Trung tâm Xúc tiến thương mại, "
        "điện thoại 0204 3854 300, trước ngày khai mạc 10 ngày.</p>",
        registration_en="<p>Producers book a stall with the Trade Promotion Centre, phone "
        "0204 3854 300, at least 10 days before the opening.</p>",
    ),
    FairData(
        "hoi-cho-ocop-ha-noi",
        "ocop-fair-in-hanoi",
        20,
        4,
        "Trung tâm Triển lãm Giảng Võ",
        "148 Giảng Võ, Ba Đình, Hà Nội",
        "21.028900",
        "105.823500",
        "Bộ Nông nghiệp và Môi trường",
        ("htx-my-chu-nam-duong", "cong-ty-che-bo-ha"),
        ("LN-MC-001", "YT-CH-002"),
        Text(
            "Hội chợ OCOP các tỉnh phía Bắc tại Hà Nội",
            "Bắc Giang tham gia với khu gian hàng chung giới thiệu mỳ Chũ, chè Bố Hạ và "
            "sản phẩm làng nghề.",
            title_en="Northern provinces OCOP fair in Hanoi",
            intro_en="Bắc Giang takes a shared pavilion showing Chũ noodles, Bố Hạ tea "
            "and craft-village products.",
        ),
        registration="<p>Đăng ký qua Sở Công Thương; ưu tiên sản phẩm 4 và 5 sao.</p>",
        registration_en="<p>Register through the Department of Industry and Trade; 4 and "
        "5 star products first.</p>",
    ),
    FairData(
        "phien-cho-ocop-yen-the",
        "yen-the-ocop-market",
        45,
        2,
        "Khu di tích Phồn Xương",
        "Xã Yên Thế, tỉnh Bắc Ninh",
        "21.521000",
        "106.121500",
        "Sở Công Thương",
        ("htx-ga-doi-dong-tam",),
        ("YT-GD-001", "YT-XL-001"),
        Text(
            "Phiên chợ OCOP Yên Thế",
            "Phiên chợ cuối tuần với gà đồi, chè và tour Xuân Lung – Thác Ngà.",
            title_en="Yên Thế OCOP market",
            intro_en="A weekend market with hill chicken, tea and Xuân Lung – Thác Ngà tours.",
        ),
    ),
)

SHOWROOM_SHORT = {
    "diem-ocop-son-dong": ("Điểm bán OCOP Sơn Động", "Sơn Động OCOP showroom"),
    "diem-ocop-luc-ngan": ("Điểm bán OCOP Lục Ngạn", "Lục Ngạn OCOP showroom"),
    "diem-ocop-luc-nam": ("Điểm bán OCOP Lục Nam", "Lục Nam OCOP showroom"),
    "diem-ocop-yen-the": ("Điểm bán OCOP Yên Thế", "Yên Thế OCOP showroom"),
    "diem-ocop-yen-dung": ("Điểm bán OCOP Yên Dũng", "Yên Dũng OCOP showroom"),
    "diem-ocop-viet-yen": ("Điểm bán OCOP Việt Yên", "Việt Yên OCOP showroom"),
}
SHOWROOM_INTRO_EN = (
    "An OCOP showroom and sales point: local products rated 3 stars and up, "
    "tied to the district's tourist sights."
)

VILLAGES = {
    "lang-khe-ro": (
        "Khe Rỗ",
        "Khe Rỗ village",
        "A Dao and Tày hamlet in the Tây Yên Tử nature reserve, with primeval forest, streams "
        "and stilt-house homestays.",
        "<p>Từ TP Bắc Giang theo quốc lộ 31 đến thị trấn An Châu (khoảng 80 km), rẽ đường "
        "tỉnh 293 thêm 16 km đến xã An Lạc.</p>",
        "<p>From Bắc Giang city take national road 31 to An Châu (about 80 km), then road "
        "293 for 16 km to An Lạc commune.</p>",
    ),
    "lang-suoi-mo": (
        "Suối Mỡ",
        "Suối Mỡ village",
        "A stream falling from Huyền Đinh mountain in three cascades, with the temple of "
        "Princess Quế Mỵ Nương and forest trails.",
        "<p>Từ TP Bắc Giang theo quốc lộ 31 đến thị trấn Đồi Ngô (khoảng 30 km), rẽ phải "
        "theo biển chỉ dẫn 10 km vào xã Nghĩa Phương.</p>",
        "<p>From Bắc Giang city take national road 31 to Đồi Ngô (about 30 km), then follow "
        "the signs 10 km to Nghĩa Phương commune.</p>",
    ),
    "lang-xuan-lung-thac-nga": (
        "Xuân Lung – Thác Ngà",
        "Xuân Lung – Thác Ngà village",
        "Hill country in northern Yên Thế with the Ngà waterfall, Đồng Mương lake and Dao hamlets.",
        "<p>Từ TP Bắc Giang theo quốc lộ 17 đến thị trấn Phồn Xương (khoảng 45 km), tiếp tục "
        "đường tỉnh 242 khoảng 20 km đến xã Xuân Lương.</p>",
        "<p>From Bắc Giang city take national road 17 to Phồn Xương (about 45 km), then road "
        "242 for about 20 km to Xuân Lương commune.</p>",
    ),
}

CONTACT_FIELDS = (
    # (label vi, label en, field type, required, help/choices)
    ("Họ và tên", "Full name", "singleline", True),
    ("Email", "Email", "email", True),
    ("Điện thoại", "Phone", "singleline", False),
    ("Nội dung", "Message", "multiline", True),
)
CONTACT_THANKS = "<p>Cảm ơn bạn. Văn phòng điều phối OCOP sẽ trả lời trong hai ngày làm việc.</p>"
CONTACT_THANKS_EN = (
    "<p>Thank you. The OCOP coordination office will answer within two working days.</p>"
)


def footer_vi(standing_body: str) -> str:
    """The footer: the programme office, its standing body (named as of the load day) and the
    department that organises the fairs."""
    return (
        "<p><b>Văn phòng điều phối chương trình OCOP tỉnh Bắc Giang</b><br/>"
        f"Cơ quan thường trực: {standing_body} · Điện thoại 0204 3854 300<br/>"
        "Hội chợ và xúc tiến thương mại: Sở Công Thương</p>"
    )


def footer_en(standing_body: str) -> str:
    """The English footer (``standing_body`` already in English)."""
    return (
        "<p><b>Bắc Giang OCOP programme coordination office</b><br/>"
        f"Standing body: {standing_body} · Phone 0204 3854 300<br/>"
        "Fairs and trade promotion: Department of Industry and Trade</p>"
    )
