"""The Bắc Giang demo dataset, as plain Python data: geography, groups, producers, products,
OCOP decisions and places. :mod:`marketplace.demo.loader` loads it; nothing here touches the
database.

The data is written "as of" :data:`AS_OF` (late November 2026). Certificates are valid for 36
months from their decision (``catalog.ocop.default_valid_until``), so the decisions below are
dated to leave most products with a current 3★+ certificate on that day, and a handful
deliberately not listed: a 1★ and a 2★ product (2019 criteria; every certificate issued under
that set has lapsed by 2026), a product scored below 50 under the 2023 set (no star), an unrated
product, one whose only certificate expired, and one whose certificate was revoked.

Administrative history is kept as it was on each decision's date: district people's committees
(UBND huyện) awarded 3★ under Decision 148 (from 24 February 2023; under Decision 1048 the province
certified 3★ and 4★) until the district level was abolished on 1 July 2025, when Bắc Giang
was also merged into Bắc Ninh province and the Ministry of Agriculture and Rural Development had
become the Ministry of Agriculture and Environment (March 2025). Decisions after those dates
name the bodies that issued them. Products and producers keep the commune recorded in the
programme's documents (pre-2025 units); each of those communes names the commune or ward it
became on 1 July 2025 (:data:`NEW_COMMUNES`, Resolution 1658/NQ-UBTVQH15), so pages show
today's unit with the former one. Showroom and village addresses are written in today's units.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

#: The day the dataset describes; tests check listing on this date so they never age.
AS_OF = date(2026, 11, 29)

#: GS1 prefix of Vietnam, used to build EAN-13 barcodes (UPC field) for demo products.
GS1_PREFIX_VIETNAM = "893"


# --------------------------------------------------------------------------------------------
# Geography
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CommuneData:
    """A commune, ward or town of the three-level era (until 30/06/2025); ``kind`` is Xã,
    Phường or Thị trấn; ``becomes`` is the unit of :data:`NEW_COMMUNES` it became on
    01/07/2025 ("Phường Chũ")."""

    name: str
    kind: str = "Xã"
    becomes: str = ""


@dataclass(frozen=True)
class DistrictData:
    """A district-level unit of Bắc Giang with a few of its communes."""

    name: str
    slug: str
    kind: str
    communes: tuple[CommuneData, ...]


DISTRICTS: tuple[DistrictData, ...] = (
    DistrictData(
        "Bắc Giang",
        "bac-giang",
        "Thành phố",
        (
            CommuneData("Đa Mai", "Phường", becomes="Phường Đa Mai"),
            CommuneData("Dĩnh Kế", "Phường", becomes="Phường Bắc Giang"),
            CommuneData("Song Khê", becomes="Phường Tiền Phong"),
            CommuneData("Đồng Sơn", becomes="Phường Tiền Phong"),
        ),
    ),
    DistrictData(
        "Hiệp Hòa",
        "hiep-hoa",
        "Huyện",
        (
            CommuneData("Thắng", "Thị trấn", becomes="Xã Hiệp Hòa"),
            CommuneData("Hoàng Vân", becomes="Xã Hoàng Vân"),
            CommuneData("Lương Phong", becomes="Xã Hiệp Hòa"),
            CommuneData("Mai Đình", becomes="Xã Xuân Cẩm"),
        ),
    ),
    DistrictData(
        "Lạng Giang",
        "lang-giang",
        "Huyện",
        (
            CommuneData("Vôi", "Thị trấn", becomes="Xã Lạng Giang"),
            CommuneData("Tân Thanh", becomes="Xã Mỹ Thái"),
            CommuneData("Mỹ Thái", becomes="Xã Mỹ Thái"),
            CommuneData("Tân Dĩnh", becomes="Xã Tân Dĩnh"),
        ),
    ),
    DistrictData(
        "Lục Nam",
        "luc-nam",
        "Huyện",
        (
            CommuneData("Đồi Ngô", "Thị trấn", becomes="Xã Lục Nam"),
            CommuneData("Nghĩa Phương", becomes="Xã Nghĩa Phương"),
            CommuneData("Huyền Sơn", becomes="Xã Nghĩa Phương"),
            CommuneData("Cẩm Lý", becomes="Xã Cẩm Lý"),
        ),
    ),
    DistrictData(
        "Lục Ngạn",
        "luc-ngan",
        "Huyện",
        (
            CommuneData("Chũ", "Thị trấn", becomes="Phường Chũ"),
            CommuneData("Nam Dương", becomes="Xã Nam Dương"),
            CommuneData("Phượng Sơn", becomes="Phường Phượng Sơn"),
            CommuneData("Thanh Hải", becomes="Phường Chũ"),
        ),
    ),
    DistrictData(
        "Sơn Động",
        "son-dong",
        "Huyện",
        (
            CommuneData("An Châu", "Thị trấn", becomes="Xã Sơn Động"),
            CommuneData("An Lạc", becomes="Xã An Lạc"),
            CommuneData("Tuấn Đạo", becomes="Xã Tuấn Đạo"),
            CommuneData("Vân Sơn", becomes="Xã Vân Sơn"),
        ),
    ),
    DistrictData(
        "Tân Yên",
        "tan-yen",
        "Huyện",
        (
            CommuneData("Cao Thượng", "Thị trấn", becomes="Xã Tân Yên"),
            CommuneData("Phúc Hòa", becomes="Xã Phúc Hòa"),
            CommuneData("Ngọc Thiện", becomes="Xã Ngọc Thiện"),
            CommuneData("Liên Chung", becomes="Xã Phúc Hòa"),
        ),
    ),
    # Việt Yên became a town (thị xã) in 2024.
    DistrictData(
        "Việt Yên",
        "viet-yen",
        "Thị xã",
        (
            CommuneData("Nếnh", "Phường", becomes="Phường Nếnh"),
            CommuneData("Vân Hà", becomes="Phường Vân Hà"),
            CommuneData("Tăng Tiến", becomes="Phường Nếnh"),
            CommuneData("Tiên Sơn", becomes="Phường Vân Hà"),
        ),
    ),
    DistrictData(
        "Yên Dũng",
        "yen-dung",
        "Huyện",
        (
            CommuneData("Neo", "Thị trấn", becomes="Phường Yên Dũng"),
            CommuneData("Tư Mại", becomes="Phường Cảnh Thụy"),
            CommuneData("Lãng Sơn", becomes="Phường Tân An"),
            CommuneData("Nham Sơn", becomes="Phường Yên Dũng"),
        ),
    ),
    DistrictData(
        "Yên Thế",
        "yen-the",
        "Huyện",
        (
            CommuneData("Phồn Xương", "Thị trấn", becomes="Xã Yên Thế"),
            CommuneData("Bố Hạ", "Thị trấn", becomes="Xã Bố Hạ"),
            CommuneData("Đồng Tâm", becomes="Xã Yên Thế"),
            CommuneData("Xuân Lương", becomes="Xã Xuân Lương"),
        ),
    ),
)


#: The first day of the communes and wards below (two-level local government).
NEW_UNITS_FROM = date(2025, 7, 1)


@dataclass(frozen=True)
class NewCommuneData:
    """A commune or ward (xã, phường) of Bắc Ninh province from 01/07/2025; ``area`` is the
    slug of the former district whose area it lies in ("khu vực huyện cũ", for filters and
    statistics), taken from the demo communes it absorbed."""

    kind: str
    name: str
    area: str

    @property
    def key(self) -> str:
        """How :attr:`CommuneData.becomes` names it ("Phường Chũ")."""
        return f"{self.kind} {self.name}"


# The units the demo's communes became on 01/07/2025, under Resolution 1658/NQ-UBTVQH15 of
# the National Assembly's Standing Committee (16/06/2025) on the arrangement of the
# commune-level units of Bắc Ninh province. Names as in the General Statistics Office's list
# of today's units (package ``vietnam-provinces``, pinned in constraints.txt; spelt here with the
# project's tone placement, "Hòa"). The old → new pairs (``CommuneData.becomes``) follow the
# resolution's Article 1 as republished per former commune by the public dataset
# github.com/tanthuan031/vnadministrative (api/wards/<district>.json), cross-checked for Chũ,
# Nam Dương, Tân Yên and Nhã Nam against press summaries of the resolution (TTXVN, 27/06/2025;
# tracuusapnhap.com). Two demo communes had already changed before 2025 and are followed
# through that change: thị trấn Neo and xã Nham Sơn were merged into thị trấn Nham Biền
# (2020), which became phường Nham Biền of Bắc Giang city on 01/01/2025 and is part of phường
# Yên Dũng since 01/07/2025; thị trấn Chũ and xã Thanh Hải became wards of thị xã Chũ on
# 01/01/2025 (Resolution 1191/NQ-UBTVQH15) and are part of phường Chũ since 01/07/2025. The
# demo records them under their programme-era names and districts (the intermediate names of
# 2020–2025 are not modelled).
NEW_COMMUNES: tuple[NewCommuneData, ...] = (
    NewCommuneData("Phường", "Đa Mai", "bac-giang"),
    NewCommuneData("Phường", "Bắc Giang", "bac-giang"),
    NewCommuneData("Phường", "Tiền Phong", "bac-giang"),
    NewCommuneData("Xã", "Hiệp Hòa", "hiep-hoa"),
    NewCommuneData("Xã", "Hoàng Vân", "hiep-hoa"),
    NewCommuneData("Xã", "Xuân Cẩm", "hiep-hoa"),
    NewCommuneData("Xã", "Lạng Giang", "lang-giang"),
    NewCommuneData("Xã", "Mỹ Thái", "lang-giang"),
    NewCommuneData("Xã", "Tân Dĩnh", "lang-giang"),
    NewCommuneData("Xã", "Lục Nam", "luc-nam"),
    NewCommuneData("Xã", "Nghĩa Phương", "luc-nam"),
    NewCommuneData("Xã", "Cẩm Lý", "luc-nam"),
    NewCommuneData("Phường", "Chũ", "luc-ngan"),
    NewCommuneData("Xã", "Nam Dương", "luc-ngan"),
    NewCommuneData("Phường", "Phượng Sơn", "luc-ngan"),
    NewCommuneData("Xã", "Sơn Động", "son-dong"),
    NewCommuneData("Xã", "An Lạc", "son-dong"),
    # Tuấn Đạo is the one commune of the province the resolution left as it was; it is still
    # a unit of the new province, from the same day.
    NewCommuneData("Xã", "Tuấn Đạo", "son-dong"),
    NewCommuneData("Xã", "Vân Sơn", "son-dong"),
    NewCommuneData("Xã", "Tân Yên", "tan-yen"),
    NewCommuneData("Xã", "Phúc Hòa", "tan-yen"),
    NewCommuneData("Xã", "Ngọc Thiện", "tan-yen"),
    NewCommuneData("Phường", "Nếnh", "viet-yen"),
    NewCommuneData("Phường", "Vân Hà", "viet-yen"),
    NewCommuneData("Phường", "Yên Dũng", "yen-dung"),
    NewCommuneData("Phường", "Cảnh Thụy", "yen-dung"),
    NewCommuneData("Phường", "Tân An", "yen-dung"),
    NewCommuneData("Xã", "Yên Thế", "yen-the"),
    NewCommuneData("Xã", "Bố Hạ", "yen-the"),
    NewCommuneData("Xã", "Xuân Lương", "yen-the"),
)


# --------------------------------------------------------------------------------------------
# The six OCOP groups (Oscar categories) and the product classes
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SubgroupData:
    """A child category inside an OCOP group; products are filed here."""

    name: str
    slug: str


@dataclass(frozen=True)
class GroupData:
    """One of the six OCOP product groups (a root category), with its picture style."""

    name: str
    slug: str
    colour: str
    shape: str
    description: str
    subgroups: tuple[SubgroupData, ...]


GROUPS: tuple[GroupData, ...] = (
    GroupData(
        "Thực phẩm",
        "thuc-pham",
        "#2e7d32",
        "fruit",
        "Nông sản tươi sống, sơ chế và chế biến.",
        (
            SubgroupData("Nông sản tươi", "nong-san-tuoi"),
            SubgroupData("Nông sản chế biến", "nong-san-che-bien"),
            SubgroupData("Thịt, trứng và thủy sản", "thit-trung-thuy-san"),
            SubgroupData("Gạo và ngũ cốc", "gao-ngu-coc"),
        ),
    ),
    GroupData(
        "Đồ uống",
        "do-uong",
        "#8e2430",
        "bottle",
        "Đồ uống có cồn và không cồn, chè và trà.",
        (
            SubgroupData("Đồ uống có cồn", "do-uong-co-con"),
            SubgroupData("Đồ uống không cồn", "do-uong-khong-con"),
            SubgroupData("Chè và trà", "che-va-tra"),
        ),
    ),
    GroupData(
        "Thảo dược",
        "thao-duoc",
        "#00796b",
        "leaf",
        "Sản phẩm làm từ cây dược liệu: dược liệu, trà thảo dược, tinh dầu, mỹ phẩm.",
        (
            SubgroupData("Dược liệu", "duoc-lieu"),
            SubgroupData("Trà thảo dược", "tra-thao-duoc"),
            SubgroupData("Tinh dầu và mỹ phẩm thảo dược", "tinh-dau-my-pham"),
        ),
    ),
    GroupData(
        "Vải và may mặc",
        "vai-va-may-mac",
        "#283593",
        "weave",
        "Sản phẩm từ bông, sợi: thổ cẩm, khăn, trang phục.",
        (
            SubgroupData("Thổ cẩm", "tho-cam"),
            SubgroupData("Khăn và sản phẩm dệt", "khan-san-pham-det"),
            SubgroupData("Trang phục", "trang-phuc"),
        ),
    ),
    GroupData(
        "Lưu niệm, nội thất, trang trí",
        "luu-niem-noi-that-trang-tri",
        "#8d5a3b",
        "vase",
        "Đồ gỗ, mây tre đan, gốm, kim khí và vải làm quà lưu niệm, nội thất.",
        (
            SubgroupData("Đồ gỗ mỹ nghệ", "do-go-my-nghe"),
            SubgroupData("Mây tre đan", "may-tre-dan"),
            SubgroupData("Gốm", "gom"),
        ),
    ),
    GroupData(
        "Dịch vụ du lịch nông thôn, bán hàng",
        "dich-vu-du-lich-nong-thon",
        "#e65100",
        "mountain",
        "Tham quan, lưu trú, vui chơi, học tập trải nghiệm ở nông thôn.",
        (
            SubgroupData("Lưu trú cộng đồng", "luu-tru-cong-dong"),
            SubgroupData("Tham quan, trải nghiệm", "tham-quan-trai-nghiem"),
            SubgroupData("Du lịch sinh thái", "du-lich-sinh-thai"),
        ),
    ),
)


@dataclass(frozen=True)
class ProductClassData:
    """An Oscar product class: goods track stock and ship, services do neither."""

    name: str
    slug: str
    track_stock: bool
    requires_shipping: bool


PRODUCT_CLASS_GOODS = ProductClassData("Sản phẩm OCOP", "san-pham-ocop", True, True)
PRODUCT_CLASS_SERVICE = ProductClassData("Dịch vụ du lịch", "dich-vu-du-lich", False, False)
PRODUCT_CLASSES = (PRODUCT_CLASS_GOODS, PRODUCT_CLASS_SERVICE)
#: Products of this group are services (no stock tracked, nothing shipped).
SERVICE_GROUP_SLUG = "dich-vu-du-lich-nong-thon"


# --------------------------------------------------------------------------------------------
# OCOP decisions: one decision recognises many products at once
# --------------------------------------------------------------------------------------------

MINISTRY_2024 = "Bộ Nông nghiệp và Phát triển nông thôn"
PROVINCE = "UBND tỉnh Bắc Giang"
# From 1 July 2025 Bắc Giang and Bắc Ninh form one province, named Bắc Ninh.
PROVINCE_AFTER_MERGER = "UBND tỉnh Bắc Ninh"


@dataclass(frozen=True)
class DecisionData:
    """A rating decision of one council: its number, date, body, level and criteria set."""

    key: str
    number: str
    decision_date: date
    issuing_body: str
    council_level: str
    criteria_set: str


DECISIONS: tuple[DecisionData, ...] = (
    # Decision 1048/QĐ-TTg (2019): district councils pre-assess and forward products of 50 points
    # or more; the province (UBND tỉnh) certifies 3★ and 4★ in batches; the ministry 5★.
    DecisionData("h2020-lnam", "2317/QĐ-UBND", date(2020, 9, 25), PROVINCE, "province", "2019"),
    DecisionData("t2020", "1089/QĐ-UBND", date(2020, 10, 28), PROVINCE, "province", "2019"),
    DecisionData("h2021-yt", "2104/QĐ-UBND", date(2021, 8, 19), PROVINCE, "province", "2019"),
    DecisionData("h2021-vy", "2789/QĐ-UBND", date(2021, 8, 24), PROVINCE, "province", "2019"),
    DecisionData("h2021-ln", "2650/QĐ-UBND", date(2021, 9, 10), PROVINCE, "province", "2019"),
    DecisionData(
        "tw2021", "5207/QĐ-BNN-VPĐP", date(2021, 12, 20), MINISTRY_2024, "central", "2019"
    ),
    # District pre-assessments whose products scored under 50 (1★, 2★): not forwarded.
    DecisionData(
        "h2022-hh", "4156/QĐ-UBND", date(2022, 11, 15), "UBND huyện Hiệp Hòa", "district", "2019"
    ),
    DecisionData(
        "h2022-sd", "3382/QĐ-UBND", date(2022, 11, 22), "UBND huyện Sơn Động", "district", "2019"
    ),
    DecisionData("t2022", "1823/QĐ-UBND", date(2022, 12, 16), PROVINCE, "province", "2019"),
    # Decision 148/QĐ-TTg (2023): districts award 3★, the province 4★, the ministry 5★.
    DecisionData(
        "h2023-ty", "2215/QĐ-UBND", date(2023, 9, 5), "UBND huyện Tân Yên", "district", "2023"
    ),
    DecisionData(
        "h2024-bg",
        "2231/QĐ-UBND",
        date(2024, 8, 12),
        "UBND thành phố Bắc Giang",
        "district",
        "2023",
    ),
    DecisionData(
        "h2024-hh", "3560/QĐ-UBND", date(2024, 8, 14), "UBND huyện Hiệp Hòa", "district", "2023"
    ),
    DecisionData(
        "h2024-lg", "2987/QĐ-UBND", date(2024, 8, 15), "UBND huyện Lạng Giang", "district", "2023"
    ),
    DecisionData(
        "h2024-lnam", "3011/QĐ-UBND", date(2024, 8, 19), "UBND huyện Lục Nam", "district", "2023"
    ),
    DecisionData(
        "h2024-ln", "3472/QĐ-UBND", date(2024, 8, 20), "UBND huyện Lục Ngạn", "district", "2023"
    ),
    DecisionData(
        "h2024-sd", "2518/QĐ-UBND", date(2024, 8, 21), "UBND huyện Sơn Động", "district", "2023"
    ),
    DecisionData(
        "h2024-ty", "2764/QĐ-UBND", date(2024, 8, 22), "UBND huyện Tân Yên", "district", "2023"
    ),
    DecisionData(
        "h2024-vy", "3125/QĐ-UBND", date(2024, 8, 23), "UBND thị xã Việt Yên", "district", "2023"
    ),
    DecisionData(
        "h2024-yd", "2690/QĐ-UBND", date(2024, 8, 26), "UBND huyện Yên Dũng", "district", "2023"
    ),
    DecisionData(
        "h2024-yt", "2843/QĐ-UBND", date(2024, 8, 27), "UBND huyện Yên Thế", "district", "2023"
    ),
    DecisionData("t2024", "1327/QĐ-UBND", date(2024, 9, 27), PROVINCE, "province", "2023"),
    DecisionData(
        "tw2024", "4566/QĐ-BNN-VPĐP", date(2024, 12, 18), MINISTRY_2024, "central", "2023"
    ),
    DecisionData(
        "h2025-ln", "1895/QĐ-UBND", date(2025, 5, 22), "UBND huyện Lục Ngạn", "district", "2023"
    ),
    # Decision 1489/QĐ-TTg (2025): the province awards 3★ and 4★, the ministry 5★.
    DecisionData(
        "t2025", "2456/QĐ-UBND", date(2025, 10, 20), PROVINCE_AFTER_MERGER, "province", "2023"
    ),
    DecisionData(
        "t2026", "1518/QĐ-UBND", date(2026, 9, 24), PROVINCE_AFTER_MERGER, "province", "2023"
    ),
)

DECISIONS_BY_KEY: dict[str, DecisionData] = {d.key: d for d in DECISIONS}

#: Why the demo's revoked certificate was revoked.
REVOKED_REASON = (
    "Kiểm tra sau công nhận (tháng 3/2026): cơ sở không duy trì điều kiện sản xuất như hồ sơ "
    "đánh giá, nhãn sản phẩm ghi sai hạn sử dụng."
)


@dataclass(frozen=True)
class CertificateData:
    """A product's score in one decision; a revoked one carries the reason."""

    decision: str
    score: str
    revoked_reason: str = ""


def cert(decision: str, score: str, revoked_reason: str = "") -> CertificateData:
    """Shorthand for a certificate line in :data:`PRODUCTS`."""
    return CertificateData(decision, score, revoked_reason)


# --------------------------------------------------------------------------------------------
# Producers
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProducerData:
    """A producer (chủ thể) and the commune it works in."""

    slug: str
    name: str
    kind: str
    district: str
    commune: str
    contact_name: str
    phone: str
    address: str
    story: str

    @property
    def email(self) -> str:
        """A demo mailbox on the programme's domain, derived from the slug."""
        return f"{self.slug.replace('-', '.')}@ocop.bacgiang.vn"


#: The cooperative that the demo producer user belongs to.
LYCHEE_COOPERATIVE_SLUG = "htx-vai-thieu-luc-ngan"

PRODUCERS: tuple[ProducerData, ...] = (
    # Lục Ngạn
    ProducerData(
        LYCHEE_COOPERATIVE_SLUG,
        "Hợp tác xã Vải thiều Lục Ngạn",
        "cooperative",
        "luc-ngan",
        "Phượng Sơn",
        "Nguyễn Văn Thắng",
        "0204 3882 101",
        "Thôn Khuôn Thần, phường Phượng Sơn, tỉnh Bắc Ninh",
        "Hợp tác xã được thành lập năm 2012 từ 36 hộ trồng vải lâu năm ở Phượng Sơn, nay có hơn "
        "120 thành viên với 180 ha vải sản xuất theo VietGAP và GlobalGAP. Vải của hợp tác xã "
        "mang nhãn hiệu chứng nhận “Vải thiều Lục Ngạn”, được hái lúc sáng sớm, sơ chế và đóng "
        "hộp ngay tại nhà xưởng để giữ vị ngọt thanh và cùi dày đặc trưng.",
    ),
    ProducerData(
        "trang-trai-vai-thanh-hai",
        "Trang trại vải thiều Hoàng Long",
        "farm",
        "luc-ngan",
        "Thanh Hải",
        "Hoàng Văn Long",
        "0912 555 102",
        "Thôn Thanh Văn, phường Chũ, tỉnh Bắc Ninh",
        "Trang trại 12 ha trên đồi Thanh Hải, trồng vải thiều và nuôi ong lấy mật hoa vải. "
        "Anh Long là một trong những người đầu tiên ở xã đưa quy trình VietGAP vào vườn vải, "
        "ghi nhật ký phun thuốc, bón phân và truy xuất nguồn gốc bằng mã QR trên từng thùng.",
    ),
    ProducerData(
        "htx-my-chu-nam-duong",
        "Hợp tác xã Sản xuất và Kinh doanh mỳ Chũ Nam Dương",
        "cooperative",
        "luc-ngan",
        "Nam Dương",
        "Đỗ Thị Hạnh",
        "0204 3883 103",
        "Thôn Thủ Dương, xã Nam Dương, tỉnh Bắc Ninh",
        "Làng Thủ Dương làm mỳ từ hơn trăm năm nay. Hợp tác xã giữ cách làm truyền thống: gạo "
        "bao thai ngâm qua đêm, xay thành bột, tráng, cắt sợi và phơi nắng trên giàn tre, không "
        "dùng chất tẩy trắng hay chất bảo quản. Mỳ Chũ được cấp nhãn hiệu tập thể và là một "
        "trong ba sản phẩm 5 sao quốc gia đầu tiên của tỉnh.",
    ),
    ProducerData(
        "hkd-my-chu-thu-duong",
        "Hộ kinh doanh Mỳ Chũ Bình Minh",
        "household",
        "luc-ngan",
        "Chũ",
        "Nguyễn Thị Bình",
        "0912 555 104",
        "Tổ dân phố Trường Chinh, phường Chũ, tỉnh Bắc Ninh",
        "Gia đình chị Bình ba đời làm mỳ, nay phát triển dòng mỳ Chũ rau củ nhuộm màu tự "
        "nhiên từ gấc, lá dứa và củ dền, được các trường mầm non trong huyện đặt hàng đều đặn.",
    ),
    ProducerData(
        "htx-nong-nghiep-thanh-hai",
        "Hợp tác xã Nông nghiệp Thanh Hải",
        "cooperative",
        "luc-ngan",
        "Thanh Hải",
        "Lương Văn Sơn",
        "0204 3884 105",
        "Thôn Đồng Mậm, phường Chũ, tỉnh Bắc Ninh",
        "Hợp tác xã liên kết 85 hộ cấy lúa bao thai trên chân ruộng ven sông Lục Nam. Giống "
        "lúa cổ này cho năng suất không cao nhưng hạt gạo trong, cơm dẻo vừa và để nguội không "
        "bị cứng; đây cũng là nguyên liệu chính làm mỳ Chũ.",
    ),
    ProducerData(
        "cong-ty-nong-san-luc-ngan",
        "Công ty TNHH Nông sản Lục Ngạn",
        "enterprise",
        "luc-ngan",
        "Chũ",
        "Trần Minh Đức",
        "0204 3885 106",
        "Số 18 đường Thân Nhân Trung, phường Chũ, tỉnh Bắc Ninh",
        "Doanh nghiệp chế biến sâu vải thiều và trái cây Lục Ngạn, có dây chuyền lên men rượu "
        "vang vải và xưởng sấy lạnh. Công ty bao tiêu sản phẩm cho hơn 300 hộ trồng vải trong "
        "huyện.",
    ),
    # Sơn Động
    ProducerData(
        "htx-duoc-lieu-tuan-dao",
        "Hợp tác xã Dược liệu Tuấn Đạo",
        "cooperative",
        "son-dong",
        "Tuấn Đạo",
        "Đặng Văn Phú",
        "0912 555 107",
        "Thôn Mậu, xã Tuấn Đạo, tỉnh Bắc Ninh",
        "Hợp tác xã trồng trà hoa vàng, ba kích tím và giảo cổ lam dưới tán rừng phòng hộ "
        "Tây Yên Tử, kết hợp bảo tồn cây thuốc quý của đồng bào Dao. Sản phẩm được sơ chế, sấy "
        "và đóng gói tại xưởng đạt chuẩn của hợp tác xã.",
    ),
    ProducerData(
        "hkd-lam-san-van-son",
        "Hộ kinh doanh Lâm sản Vân Sơn",
        "household",
        "son-dong",
        "Vân Sơn",
        "Hoàng Thị Mai",
        "0912 555 108",
        "Bản Đồng Rì, xã Vân Sơn, tỉnh Bắc Ninh",
        "Gia đình chị Mai thu mua và chế biến lâm sản ngoài gỗ của bà con trong bản: mộc nhĩ, "
        "nấm hương, măng rừng và mật ong, phơi sấy bằng lò củi truyền thống.",
    ),
    ProducerData(
        "htx-mien-dong-an-chau",
        "Hợp tác xã Miến dong An Châu",
        "cooperative",
        "son-dong",
        "An Châu",
        "Vi Văn Quý",
        "0204 3886 109",
        "Tổ dân phố Thống Nhất, xã Sơn Động, tỉnh Bắc Ninh",
        "Hợp tác xã trồng dong riềng trên nương, tự lọc tinh bột và làm miến thủ công; mùa đông "
        "làm thêm thịt lợn bản gác bếp theo cách của người Tày.",
    ),
    ProducerData(
        "tht-tho-cam-an-lac",
        "Tổ hợp tác Dệt thổ cẩm An Lạc",
        "cooperative_group",
        "son-dong",
        "An Lạc",
        "Triệu Thị Lan",
        "0912 555 110",
        "Thôn Khe Rỗ, xã An Lạc, tỉnh Bắc Ninh",
        "Mười hai chị em người Dao ở An Lạc giữ nghề dệt và thêu thổ cẩm, nhuộm chàm bằng lá "
        "cây rừng. Sản phẩm bán cho khách du lịch đến Khe Rỗ và qua các điểm giới thiệu OCOP.",
    ),
    ProducerData(
        "tht-du-lich-khe-ro",
        "Tổ hợp tác Du lịch cộng đồng Khe Rỗ",
        "cooperative_group",
        "son-dong",
        "An Lạc",
        "Lý Văn Hải",
        "0912 555 111",
        "Thôn Khe Rỗ, xã An Lạc, tỉnh Bắc Ninh",
        "Tám hộ gia đình ở Khe Rỗ mở nhà sàn đón khách, dẫn đường vào khu bảo tồn thiên nhiên "
        "Tây Yên Tử, nấu cơm lam, gà đồi và rau rừng cho khách.",
    ),
    # Lục Nam
    ProducerData(
        "htx-du-lich-suoi-mo",
        "Hợp tác xã Du lịch sinh thái Suối Mỡ",
        "cooperative",
        "luc-nam",
        "Nghĩa Phương",
        "Nguyễn Văn Tiến",
        "0204 3887 112",
        "Thôn Bãi Đá, xã Nghĩa Phương, tỉnh Bắc Ninh",
        "Hợp tác xã tổ chức tham quan suối, thác và đền Suối Mỡ, hướng dẫn khách trải nghiệm "
        "làm nông cùng người dân, và nấu rượu nếp cẩm theo công thức của làng.",
    ),
    ProducerData(
        "trang-trai-huyen-son",
        "Trang trại Na dai Huyền Sơn",
        "farm",
        "luc-nam",
        "Huyền Sơn",
        "Phạm Văn Hòa",
        "0912 555 113",
        "Thôn Dùm, xã Nghĩa Phương, tỉnh Bắc Ninh",
        "Trang trại 8 ha dưới chân núi Huyền Đinh, trồng na dai và vú sữa theo hướng hữu cơ, "
        "dùng phân chuồng ủ và bẫy bả sinh học thay thuốc trừ sâu.",
    ),
    ProducerData(
        "cong-ty-thao-moc-luc-nam",
        "Công ty TNHH Thảo mộc Lục Nam",
        "enterprise",
        "luc-nam",
        "Đồi Ngô",
        "Vũ Thị Thu",
        "0204 3887 114",
        "Số 56 phố Kim Lân, xã Lục Nam, tỉnh Bắc Ninh",
        "Doanh nghiệp nhỏ làm dầu gội, tinh dầu và mỹ phẩm từ bồ kết, bưởi và sả trồng tại "
        "Lục Nam, theo bài thuốc gội đầu truyền thống của phụ nữ vùng trung du.",
    ),
    # Yên Thế
    ProducerData(
        "htx-ga-doi-dong-tam",
        "Hợp tác xã Gà đồi Yên Thế",
        "cooperative",
        "yen-the",
        "Đồng Tâm",
        "Thân Văn Hùng",
        "0204 3876 115",
        "Thôn Đồng Tâm, xã Yên Thế, tỉnh Bắc Ninh",
        "Hợp tác xã có 64 thành viên nuôi gà thả đồi vải, đồi keo, mỗi con được chạy nhảy ít "
        "nhất 150 ngày trước khi xuất chuồng. Gà đồi Yên Thế mang nhãn hiệu chứng nhận, thịt "
        "săn, da giòn, vàng óng, là một trong ba sản phẩm 5 sao quốc gia của tỉnh.",
    ),
    ProducerData(
        "tht-ga-doi-phon-xuong",
        "Tổ hợp tác Chăn nuôi gà Phồn Xương",
        "cooperative_group",
        "yen-the",
        "Phồn Xương",
        "Ngô Thị Hương",
        "0912 555 116",
        "Tổ dân phố Chợ, xã Yên Thế, tỉnh Bắc Ninh",
        "Tổ hợp tác 15 hộ nuôi gà mái tơ và chế biến chân gà ủ xả ớt, bán tại chợ Cầu Gỗ và "
        "các bếp ăn trong tỉnh.",
    ),
    ProducerData(
        "cong-ty-che-bo-ha",
        "Công ty Cổ phần Chè Bố Hạ",
        "enterprise",
        "yen-the",
        "Bố Hạ",
        "Lê Quang Huy",
        "0204 3877 117",
        "Phố Bố Hạ, xã Bố Hạ, tỉnh Bắc Ninh",
        "Công ty thu mua búp chè của hơn 200 hộ trên các đồi chè Yên Thế, chế biến chè xanh "
        "sao suốt và hồng trà lên men theo công nghệ chè đen truyền thống.",
    ),
    ProducerData(
        "htx-du-lich-xuan-luong",
        "Hợp tác xã Du lịch Xuân Lung – Thác Ngà",
        "cooperative",
        "yen-the",
        "Xuân Lương",
        "Hà Văn Chung",
        "0912 555 118",
        "Bản Thác Ngà, xã Xuân Lương, tỉnh Bắc Ninh",
        "Hợp tác xã của người Dao và người Tày ở Xuân Lương đón khách tham quan thác Ngà, rừng "
        "nguyên sinh và di tích khởi nghĩa Yên Thế.",
    ),
    # Yên Dũng
    ProducerData(
        "trang-trai-ca-tu-mai",
        "Trang trại thủy sản Tư Mại",
        "farm",
        "yen-dung",
        "Tư Mại",
        "Đào Văn Khánh",
        "0912 555 119",
        "Thôn Đông Hương, phường Cảnh Thụy, tỉnh Bắc Ninh",
        "Trang trại 15 ha ao nuôi cá trắm đen, cá chép bằng nguồn nước sông Thương, cho cá ăn "
        "ốc và thức ăn xanh, có xưởng làm chả cá đạt chuẩn an toàn thực phẩm.",
    ),
    ProducerData(
        "htx-nong-nghiep-lang-son",
        "Hợp tác xã Nông nghiệp Lãng Sơn",
        "cooperative",
        "yen-dung",
        "Lãng Sơn",
        "Nguyễn Thị Huệ",
        "0204 3878 120",
        "Thôn Đức Thịnh, phường Tân An, tỉnh Bắc Ninh",
        "Cánh đồng mẫu lớn 60 ha của hợp tác xã trồng lúa thơm và nếp cái hoa vàng theo "
        "VietGAP, liên kết với nhà máy xay xát để đóng gói tại chỗ.",
    ),
    ProducerData(
        "tht-nam-nham-son",
        "Tổ hợp tác Trồng nấm Nham Sơn",
        "cooperative_group",
        "yen-dung",
        "Nham Sơn",
        "Trần Văn Tú",
        "0912 555 121",
        "Thôn Quỳnh Sơn, phường Yên Dũng, tỉnh Bắc Ninh",
        "Tổ hợp tác tận dụng rơm rạ sau thu hoạch để trồng nấm sò, vừa giảm đốt rơm, vừa có "
        "thêm thu nhập mùa đông cho 20 hộ thành viên.",
    ),
    # Lạng Giang
    ProducerData(
        "htx-nong-nghiep-tan-thanh",
        "Hợp tác xã Nông nghiệp sạch Tân Thanh",
        "cooperative",
        "lang-giang",
        "Tân Thanh",
        "Bùi Văn Nam",
        "0204 3879 122",
        "Thôn Chùa, xã Mỹ Thái, tỉnh Bắc Ninh",
        "Hợp tác xã trồng rau trong nhà lưới và nuôi lợn theo chuỗi khép kín VietGAP, cung "
        "cấp rau và thịt cho các bếp ăn trường học và siêu thị ở Bắc Giang, Hà Nội.",
    ),
    ProducerData(
        "trang-trai-nam-my-thai",
        "Trang trại nấm linh chi Mỹ Thái",
        "farm",
        "lang-giang",
        "Mỹ Thái",
        "Nguyễn Đức Thành",
        "0912 555 123",
        "Thôn Mỹ Cầu, xã Mỹ Thái, tỉnh Bắc Ninh",
        "Trang trại có 6 nhà nuôi trồng nấm linh chi đỏ trên giá thể mùn cưa, kiểm soát nhiệt "
        "độ, độ ẩm; sản phẩm được kiểm nghiệm hàm lượng hoạt chất từng lô.",
    ),
    ProducerData(
        "hkd-gio-cha-voi",
        "Hộ kinh doanh Giò chả Vôi",
        "household",
        "lang-giang",
        "Vôi",
        "Phạm Thị Nga",
        "0912 555 124",
        "Phố Vôi, xã Lạng Giang, tỉnh Bắc Ninh",
        "Cơ sở làm giò lụa, giò bò thủ công từ thịt nóng trong ngày, gói lá chuối, không dùng "
        "hàn the; nổi tiếng ở chợ Vôi từ những năm 1990.",
    ),
    # Tân Yên
    ProducerData(
        "htx-vai-som-phuc-hoa",
        "Hợp tác xã Vải sớm Phúc Hòa",
        "cooperative",
        "tan-yen",
        "Phúc Hòa",
        "Giáp Văn Dũng",
        "0204 3872 125",
        "Thôn Hòa Thành, xã Phúc Hòa, tỉnh Bắc Ninh",
        "Nơi khởi nguồn giống vải sớm Phúc Hòa, chín trước vải thiều Lục Ngạn gần một tháng. "
        "Hợp tác xã có 95 ha vải VietGAP và trồng xen lạc trên đất đồi.",
    ),
    ProducerData(
        "hkd-nghe-ngoc-thien",
        "Hộ kinh doanh Tinh bột nghệ Ngọc Thiện",
        "household",
        "tan-yen",
        "Ngọc Thiện",
        "Lê Thị Hoa",
        "0912 555 126",
        "Thôn Ngọc Yên, xã Ngọc Thiện, tỉnh Bắc Ninh",
        "Gia đình chị Hoa lọc tinh bột nghệ vàng theo cách ngâm, tách dầu thủ công, và làm "
        "kẹo lạc từ lạc đỏ Tân Yên.",
    ),
    ProducerData(
        "trang-trai-buoi-lien-chung",
        "Trang trại bưởi Diễn Liên Chung",
        "farm",
        "tan-yen",
        "Liên Chung",
        "Nguyễn Văn Quang",
        "0912 555 127",
        "Thôn Tân Phú, xã Phúc Hòa, tỉnh Bắc Ninh",
        "Trang trại 5 ha bưởi Diễn trên đất đồi thấp, thu hoạch vào dịp Tết, bảo quản bằng "
        "sáp ong tự nhiên.",
    ),
    # Hiệp Hòa
    ProducerData(
        "cong-ty-thuc-pham-hiep-hoa",
        "Công ty Cổ phần Thực phẩm xuất khẩu Hiệp Hòa",
        "enterprise",
        "hiep-hoa",
        "Thắng",
        "Ngô Văn Toàn",
        "0204 3871 128",
        "Cụm công nghiệp Thắng, xã Hiệp Hòa, tỉnh Bắc Ninh",
        "Nhà máy chế biến dưa chuột bao tử và ớt muối xuất khẩu sang Nhật Bản, Hàn Quốc, bao "
        "tiêu cho hàng nghìn hộ trồng dưa chuột ở Hiệp Hòa.",
    ),
    ProducerData(
        "htx-rau-qua-hoang-van",
        "Hợp tác xã Rau quả an toàn Hoàng Vân",
        "cooperative",
        "hiep-hoa",
        "Hoàng Vân",
        "Thân Thị Lụa",
        "0912 555 129",
        "Thôn Vân Xuyên, xã Hoàng Vân, tỉnh Bắc Ninh",
        "Vùng trồng dưa chuột, ớt chỉ thiên theo VietGAP ven sông Cầu, mỗi năm ba vụ, có mã "
        "số vùng trồng phục vụ xuất khẩu.",
    ),
    ProducerData(
        "tht-det-may-mai-dinh",
        "Tổ hợp tác Dệt may Mai Đình",
        "cooperative_group",
        "hiep-hoa",
        "Mai Đình",
        "Nguyễn Thị Yến",
        "0912 555 130",
        "Thôn Trung Hưng, xã Xuân Cẩm, tỉnh Bắc Ninh",
        "Các chị em từng làm công nhân may lập tổ hợp tác, dệt khăn sợi tre và khăn bông "
        "cotton trên máy dệt nhỏ tại nhà.",
    ),
    # Việt Yên
    ProducerData(
        "htx-ruou-lang-van",
        "Hợp tác xã Rượu làng Vân",
        "cooperative",
        "viet-yen",
        "Vân Hà",
        "Nguyễn Văn Vân",
        "0204 3866 131",
        "Thôn Yên Viên, phường Vân Hà, tỉnh Bắc Ninh",
        "Rượu làng Vân nổi tiếng từ thời Lý, được nấu từ gạo nếp cái, men lá thuốc bắc gia "
        "truyền và nước giếng làng bên sông Cầu, hạ thổ trong chum sành nhiều tháng.",
    ),
    ProducerData(
        "hkd-gom-tho-ha",
        "Hộ kinh doanh Gốm Thổ Hà",
        "household",
        "viet-yen",
        "Vân Hà",
        "Chu Văn Hà",
        "0912 555 132",
        "Thôn Thổ Hà, phường Vân Hà, tỉnh Bắc Ninh",
        "Một trong ít lò còn giữ nghề gốm sành nâu Thổ Hà: đất sét ven sông Cầu, nung bằng lò "
        "củi hơn ba ngày đêm, không tráng men hóa học.",
    ),
    ProducerData(
        "cong-ty-do-go-tien-son",
        "Công ty TNHH Đồ gỗ mỹ nghệ Tiên Sơn",
        "enterprise",
        "viet-yen",
        "Tiên Sơn",
        "Thân Đức Mạnh",
        "0204 3867 133",
        "Thôn Tiên Lát, phường Vân Hà, tỉnh Bắc Ninh",
        "Xưởng mộc gia đình nay thành doanh nghiệp với 40 thợ, làm bàn trà, hộp và đồ trang "
        "trí bằng gỗ trồng có chứng chỉ rừng FSC, xuất khẩu sang châu Âu.",
    ),
    ProducerData(
        "htx-may-tre-dan-tang-tien",
        "Hợp tác xã Mây tre đan Tăng Tiến",
        "cooperative",
        "viet-yen",
        "Tăng Tiến",
        "Nguyễn Thị Thoa",
        "0912 555 134",
        "Thôn Phúc Long, phường Nếnh, tỉnh Bắc Ninh",
        "Làng nghề mây tre đan Tăng Tiến có hơn 700 hộ làm nghề. Hợp tác xã nhận đơn hàng "
        "xuất khẩu và dạy nghề cho phụ nữ, người cao tuổi trong làng.",
    ),
    # Thành phố Bắc Giang
    ProducerData(
        "hkd-my-da-mai",
        "Hộ kinh doanh Mỳ Đa Mai Thành Công",
        "household",
        "bac-giang",
        "Đa Mai",
        "Nguyễn Văn Công",
        "0912 555 135",
        "Tổ dân phố Mai Sẫu, phường Đa Mai, tỉnh Bắc Ninh",
        "Làng mỳ Đa Mai bên sông Thương làm mỳ gạo sợi nhỏ, dai mềm. Gia đình anh Công đầu tư "
        "máy sấy để làm được mỳ cả mùa mưa mà vẫn giữ vị gạo.",
    ),
    ProducerData(
        "tht-banh-da-ke",
        "Tổ hợp tác Bánh đa Kế",
        "cooperative_group",
        "bac-giang",
        "Dĩnh Kế",
        "Dương Thị Lan",
        "0912 555 136",
        "Thôn Kế, phường Bắc Giang, tỉnh Bắc Ninh",
        "Bánh đa Kế làm từ gạo tẻ, vừng đen và lạc, tráng mỏng rồi phơi trên phên tre; "
        "nướng than hoa lên thơm giòn. Tổ hợp tác có 18 hộ giữ nghề của làng.",
    ),
    ProducerData(
        "cong-ty-nong-san-song-khe",
        "Công ty TNHH Công nghệ sinh học Song Khê",
        "enterprise",
        "bac-giang",
        "Song Khê",
        "Hà Minh Tuấn",
        "0204 3855 137",
        "Khu công nghiệp Song Khê – Nội Hoàng, phường Tiền Phong, tỉnh Bắc Ninh",
        "Doanh nghiệp khởi nghiệp của các kỹ sư trẻ, nuôi trồng đông trùng hạ thảo trong "
        "phòng sạch và sấy thăng hoa để giữ dược chất.",
    ),
)


# --------------------------------------------------------------------------------------------
# Products
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProductData:
    """A product: its SKU (the natural key), where it is filed, who makes it and its ratings.

    The origin commune is the producer's unless ``origin`` names another (district slug,
    commune name). ``price`` is in whole đồng.
    """

    sku: str
    title: str
    subgroup: str
    producer: str
    price: int
    stock: int
    description: str
    certificates: tuple[CertificateData, ...] = ()
    origin: tuple[str, str] | None = None
    priority: int = 0


PRODUCTS: tuple[ProductData, ...] = (
    # ---- Lục Ngạn -----------------------------------------------------------------------
    ProductData(
        "LN-VT-001",
        "Vải thiều Lục Ngạn",
        "nong-san-tuoi",
        LYCHEE_COOPERATIVE_SLUG,
        150000,
        200,
        "Hộp 2 kg vải thiều Lục Ngạn tươi, hái trong ngày từ vườn VietGAP của hợp tác xã. Quả "
        "tròn, vỏ đỏ thẫm, cùi trắng dày, hạt nhỏ, vị ngọt đậm. Mùa vụ từ cuối tháng 5 đến "
        "cuối tháng 7.",
        (cert("t2020", "84"), cert("tw2021", "91.5"), cert("tw2024", "93")),
        priority=10,
    ),
    ProductData(
        "LN-VT-002",
        "Vải thiều sấy khô Lục Ngạn",
        "nong-san-che-bien",
        LYCHEE_COOPERATIVE_SLUG,
        180000,
        150,
        "Túi 1 kg vải thiều sấy khô nguyên quả theo cách sấy củi nhãn truyền thống, cùi dẻo, "
        "ngọt thơm, bảo quản được 12 tháng. Dùng ăn trực tiếp hoặc nấu chè.",
        (cert("t2024", "78"),),
    ),
    ProductData(
        "LN-VT-003",
        "Nước ép vải thiều Lục Ngạn",
        "do-uong-khong-con",
        LYCHEE_COOPERATIVE_SLUG,
        120000,
        80,
        "Lốc 6 chai nước ép vải thiều nguyên chất 330 ml, thanh trùng, không thêm đường.",
        (cert("h2024-ln", "61", REVOKED_REASON),),
    ),
    ProductData(
        "LN-VT-004",
        "Trải nghiệm hái vải tại vườn Phượng Sơn",
        "tham-quan-trai-nghiem",
        LYCHEE_COOPERATIVE_SLUG,
        250000,
        40,
        "Nửa ngày tham quan vườn vải thiều, tự tay hái và thưởng thức vải tại vườn, nghe chuyện "
        "cây vải tổ ở Lục Ngạn; giá cho một khách, đã gồm 2 kg vải mang về (tháng 6–7).",
        (cert("h2025-ln", "64"),),
    ),
    ProductData(
        "LN-VT-005",
        "Vải thiều Lục Ngạn VietGAP thùng 5 kg",
        "nong-san-tuoi",
        "trang-trai-vai-thanh-hai",
        320000,
        120,
        "Thùng xốp 5 kg vải thiều đạt chuẩn VietGAP, có tem truy xuất nguồn gốc, đóng kèm đá "
        "khô để giữ tươi khi vận chuyển xa.",
        (cert("t2024", "74"),),
    ),
    ProductData(
        "LN-MO-001",
        "Mật ong hoa vải Lục Ngạn",
        "nong-san-che-bien",
        "trang-trai-vai-thanh-hai",
        250000,
        90,
        "Chai 1 lít mật ong hoa vải thu vào tháng 3, màu vàng sáng, thơm mùi hoa vải, độ ẩm "
        "dưới 20%, không pha đường.",
        (cert("t2024", "76"),),
    ),
    ProductData(
        "LN-MC-001",
        "Mỳ Chũ Nam Dương",
        "nong-san-che-bien",
        "htx-my-chu-nam-duong",
        65000,
        500,
        "Gói 1 kg mỳ Chũ làm từ gạo bao thai, sợi nhỏ, dai, trắng ngà tự nhiên, phơi nắng. "
        "Dùng xào, nấu canh hoặc trộn; luộc 2–3 phút là chín.",
        (cert("t2020", "82"), cert("tw2024", "92.5")),
        priority=10,
    ),
    ProductData(
        "LN-MC-002",
        "Mì Chũ gạo lứt",
        "nong-san-che-bien",
        "htx-my-chu-nam-duong",
        75000,
        300,
        "Gói 500 g mì Chũ gạo lứt đỏ, giàu chất xơ, phù hợp người ăn kiêng và tiểu đường.",
        (cert("t2024", "76"),),
    ),
    ProductData(
        "LN-MC-003",
        "Mỳ Chũ rau củ",
        "nong-san-che-bien",
        "hkd-my-chu-thu-duong",
        70000,
        200,
        "Gói 500 g mỳ Chũ ba màu nhuộm tự nhiên từ gấc, lá dứa và củ dền, hợp khẩu vị trẻ nhỏ.",
        (cert("h2024-ln", "63"),),
    ),
    ProductData(
        "LN-GB-001",
        "Gạo bao thai Lục Ngạn",
        "gao-ngu-coc",
        "htx-nong-nghiep-thanh-hai",
        125000,
        250,
        "Túi 5 kg gạo bao thai, giống lúa cổ của vùng núi phía Bắc. Hạt nhỏ, trong, cơm dẻo vừa, "
        "thơm nhẹ, để nguội không cứng; nguyên liệu làm mỳ Chũ.",
        (cert("h2021-ln", "66"), cert("t2024", "73")),
        priority=10,
    ),
    ProductData(
        "LN-NS-001",
        "Rượu vang vải thiều Lục Ngạn",
        "do-uong-co-con",
        "cong-ty-nong-san-luc-ngan",
        280000,
        60,
        "Chai 750 ml rượu vang lên men từ vải thiều chín, 12 độ, hương vải rõ, vị chua ngọt "
        "cân bằng. Uống lạnh ngon hơn.",
        (cert("t2025", "66"),),
    ),
    ProductData(
        "LN-NS-002",
        "Mứt vải thiều Lục Ngạn",
        "nong-san-che-bien",
        "cong-ty-nong-san-luc-ngan",
        85000,
        100,
        "Hộp 300 g mứt vải thiều dẻo, sản phẩm mới đang hoàn thiện hồ sơ đánh giá OCOP.",
        (),
    ),
    # ---- Sơn Động -----------------------------------------------------------------------
    ProductData(
        "SD-DL-001",
        "Trà hoa vàng Sơn Động",
        "tra-thao-duoc",
        "htx-duoc-lieu-tuan-dao",
        450000,
        60,
        "Hộp 100 g hoa trà vàng sấy lạnh, hái từ cây mọc dưới tán rừng Tây Yên Tử. Nước trà "
        "vàng óng, vị hơi chát rồi ngọt hậu.",
        (cert("t2024", "79"),),
    ),
    ProductData(
        "SD-DL-002",
        "Ba kích tím Sơn Động",
        "duoc-lieu",
        "htx-duoc-lieu-tuan-dao",
        380000,
        50,
        "Túi 1 kg rễ ba kích tím đã rút lõi, phơi khô, trồng trên đất rừng từ 3 năm trở lên.",
        (cert("t2025", "68"),),
    ),
    ProductData(
        "SD-DL-003",
        "Trà giảo cổ lam Sơn Động",
        "tra-thao-duoc",
        "htx-duoc-lieu-tuan-dao",
        120000,
        80,
        "Túi 500 g giảo cổ lam khô. Lần đánh giá năm 2024 chưa đạt 50 điểm vì thiếu kết quả "
        "kiểm nghiệm định kỳ; hợp tác xã đang hoàn thiện để đánh giá lại.",
        (cert("h2024-sd", "46.5"),),
    ),
    ProductData(
        "SD-DL-004",
        "Tinh dầu sả chanh Sơn Động",
        "tinh-dau-my-pham",
        "htx-duoc-lieu-tuan-dao",
        95000,
        120,
        "Lọ 50 ml tinh dầu sả chanh chưng cất hơi nước, dùng xông phòng, đuổi muỗi.",
        (cert("h2024-sd", "60"),),
    ),
    ProductData(
        "SD-LS-001",
        "Mộc nhĩ rừng Sơn Động",
        "nong-san-che-bien",
        "hkd-lam-san-van-son",
        160000,
        100,
        "Túi 500 g mộc nhĩ rừng sấy khô, tai dày, giòn, nở nhiều khi ngâm.",
        (cert("h2024-sd", "64"),),
    ),
    ProductData(
        "SD-LS-002",
        "Nấm hương rừng Sơn Động",
        "nong-san-che-bien",
        "hkd-lam-san-van-son",
        320000,
        70,
        "Túi 500 g nấm hương rừng mũ dày, chân ngắn, thơm đậm, sấy bằng lò củi.",
        (cert("h2024-sd", "66"),),
    ),
    ProductData(
        "SD-LS-003",
        "Măng khô Sơn Động",
        "nong-san-che-bien",
        "hkd-lam-san-van-son",
        140000,
        60,
        "Túi 500 g măng nứa rừng luộc, phơi khô. Được xếp hạng 2 sao năm 2022; cần cải tiến "
        "bao bì và hồ sơ chất lượng để đánh giá lại.",
        (cert("h2022-sd", "42"),),
    ),
    ProductData(
        "SD-LS-004",
        "Mật ong rừng Sơn Động",
        "nong-san-che-bien",
        "hkd-lam-san-van-son",
        350000,
        50,
        "Chai 1 lít mật ong ong khóai khai thác tự nhiên trong rừng Sơn Động, vị đậm, hơi đắng "
        "nhẹ ở hậu.",
        (cert("t2024", "71"),),
    ),
    ProductData(
        "SD-MD-001",
        "Miến dong Sơn Động",
        "nong-san-che-bien",
        "htx-mien-dong-an-chau",
        90000,
        200,
        "Gói 1 kg miến dong riềng thủ công, sợi dai, trong, không bị nát khi nấu.",
        (cert("h2024-sd", "65"),),
    ),
    ProductData(
        "SD-MD-002",
        "Thịt lợn bản gác bếp Sơn Động",
        "thit-trung-thuy-san",
        "htx-mien-dong-an-chau",
        380000,
        40,
        "Túi 500 g thịt lợn bản ướp mắc khén, gừng, tỏi và hun khói gác bếp, hút chân không.",
        (cert("t2025", "64"),),
    ),
    ProductData(
        "SD-TC-001",
        "Khăn thổ cẩm Dao Sơn Động",
        "tho-cam",
        "tht-tho-cam-an-lac",
        180000,
        40,
        "Khăn quàng dệt tay, nhuộm chàm và thêu hoa văn truyền thống của người Dao ở An Lạc.",
        (cert("h2024-sd", "58"),),
    ),
    ProductData(
        "SD-TC-002",
        "Túi thổ cẩm thêu tay Khe Rỗ",
        "tho-cam",
        "tht-tho-cam-an-lac",
        250000,
        30,
        "Túi đeo chéo bằng vải thổ cẩm thêu tay, lót vải bông, mỗi chiếc một hoa văn.",
        (cert("h2024-sd", "61"),),
    ),
    ProductData(
        "SD-TC-003",
        "Áo chàm người Dao An Lạc",
        "trang-phuc",
        "tht-tho-cam-an-lac",
        850000,
        15,
        "Áo vải bông nhuộm chàm, thêu tay viền cổ và tay áo, may theo số đo khách đặt.",
        (cert("t2025", "62"),),
    ),
    ProductData(
        "SD-KR-001",
        "Homestay nhà sàn Khe Rỗ (1 đêm, 2 khách)",
        "luu-tru-cong-dong",
        "tht-du-lich-khe-ro",
        600000,
        20,
        "Một đêm nghỉ nhà sàn cho hai khách ở bản Khe Rỗ, gồm bữa tối với cơm lam, gà đồi, "
        "rau rừng và bữa sáng.",
        (cert("h2024-sd", "63"),),
    ),
    ProductData(
        "SD-KR-002",
        "Tour khám phá rừng Tây Yên Tử – Khe Rỗ",
        "du-lich-sinh-thai",
        "tht-du-lich-khe-ro",
        450000,
        30,
        "Một ngày đi bộ trong khu bảo tồn Tây Yên Tử với người dẫn đường địa phương, tắm suối, "
        "ăn trưa tại bản; giá cho một khách.",
        (cert("t2025", "65"),),
    ),
    # ---- Lục Nam ------------------------------------------------------------------------
    ProductData(
        "LNA-SM-001",
        "Tour sinh thái Suối Mỡ (1 ngày)",
        "du-lich-sinh-thai",
        "htx-du-lich-suoi-mo",
        350000,
        40,
        "Tham quan đền Suối Mỡ, thác Giữa, tắm suối và ăn trưa đặc sản Lục Nam; giá cho một "
        "khách, đã gồm vé tham quan.",
        (cert("h2024-lnam", "64"),),
    ),
    ProductData(
        "LNA-SM-002",
        "Rượu nếp cẩm Suối Mỡ",
        "do-uong-co-con",
        "htx-du-lich-suoi-mo",
        150000,
        80,
        "Chai 500 ml rượu nếp cẩm, màu tím tự nhiên, vị ngọt nhẹ, 29 độ.",
        (cert("h2024-lnam", "58"),),
    ),
    ProductData(
        "LNA-NA-001",
        "Na dai Lục Nam",
        "nong-san-tuoi",
        "trang-trai-huyen-son",
        90000,
        100,
        "Hộp 2 kg na dai chín cây, múi to, dai và ngọt sắc; mùa từ tháng 8 đến tháng 10.",
        (cert("h2024-lnam", "62"),),
    ),
    ProductData(
        "LNA-NA-002",
        "Vú sữa Lục Nam",
        "nong-san-tuoi",
        "trang-trai-huyen-son",
        110000,
        80,
        "Hộp 2 kg vú sữa trồng trên đất đồi Huyền Sơn, vỏ mỏng, thịt trắng, nhiều sữa ngọt.",
        (cert("t2026", "60"),),
    ),
    ProductData(
        "LNA-TM-001",
        "Dầu gội bồ kết Lục Nam",
        "tinh-dau-my-pham",
        "cong-ty-thao-moc-luc-nam",
        95000,
        100,
        "Chai 300 ml dầu gội thảo dược từ bồ kết, vỏ bưởi, hương nhu. Chứng nhận 3 sao năm "
        "2020 đã hết hiệu lực và chưa được đánh giá lại.",
        (cert("h2020-lnam", "61"),),
    ),
    ProductData(
        "LNA-TM-002",
        "Tinh dầu vỏ bưởi Lục Nam",
        "tinh-dau-my-pham",
        "cong-ty-thao-moc-luc-nam",
        110000,
        120,
        "Lọ 100 ml tinh dầu vỏ bưởi chưng cất, dùng dưỡng tóc và giảm gãy rụng.",
        (cert("t2025", "63"),),
    ),
    # ---- Yên Thế ------------------------------------------------------------------------
    ProductData(
        "YT-GD-001",
        "Gà đồi Yên Thế",
        "thit-trung-thuy-san",
        "htx-ga-doi-dong-tam",
        280000,
        150,
        "Gà trống thả đồi nguyên con, làm sẵn, 1,8–2 kg, có vòng chân truy xuất nguồn gốc. "
        "Thịt săn chắc, da giòn vàng; ngon nhất luộc chấm muối chanh lá é.",
        (cert("t2020", "80"), cert("tw2024", "91")),
        priority=10,
    ),
    ProductData(
        "YT-GD-002",
        "Gà đồi Yên Thế ủ muối hoa tiêu",
        "thit-trung-thuy-san",
        "htx-ga-doi-dong-tam",
        320000,
        80,
        "Gà đồi nguyên con ủ muối hột, hoa tiêu và lá chanh, hút chân không, hấp lại 10 phút "
        "là dùng được.",
        (cert("t2024", "75"),),
    ),
    ProductData(
        "YT-GD-003",
        "Trứng gà đồi Yên Thế",
        "thit-trung-thuy-san",
        "htx-ga-doi-dong-tam",
        45000,
        300,
        "Hộp 10 quả trứng gà đồi, lòng đỏ đậm màu, nhặt trong ngày.",
        (cert("h2024-yt", "60"),),
    ),
    ProductData(
        "YT-GD-004",
        "Gà mái tơ đồi Yên Thế",
        "thit-trung-thuy-san",
        "tht-ga-doi-phon-xuong",
        260000,
        100,
        "Gà mái tơ thả đồi nguyên con, 1,4–1,6 kg, thịt mềm, ít mỡ, hợp nấu cháo, hầm thuốc bắc.",
        (cert("h2021-yt", "56"), cert("h2024-yt", "62")),
    ),
    ProductData(
        "YT-GD-005",
        "Chân gà đồi ủ xả ớt",
        "thit-trung-thuy-san",
        "tht-ga-doi-phon-xuong",
        95000,
        120,
        "Hộp 500 g chân gà đồi ngâm xả, ớt, tắc, giòn sần sật, bảo quản mát.",
        (cert("t2025", "61"),),
    ),
    ProductData(
        "YT-CH-001",
        "Chè xanh Yên Thế",
        "che-va-tra",
        "cong-ty-che-bo-ha",
        150000,
        150,
        "Hộp 200 g chè búp xanh sao suốt, nước xanh vàng, vị chát dịu, hậu ngọt.",
        (cert("h2024-yt", "59"),),
    ),
    ProductData(
        "YT-CH-002",
        "Hồng trà Bố Hạ",
        "che-va-tra",
        "cong-ty-che-bo-ha",
        220000,
        100,
        "Hộp 100 g hồng trà lên men từ búp chè một tôm hai lá, nước đỏ, thơm mùi mật.",
        (cert("t2024", "72"),),
    ),
    ProductData(
        "YT-XL-001",
        "Tham quan Xuân Lung – Thác Ngà",
        "du-lich-sinh-thai",
        "htx-du-lich-xuan-luong",
        280000,
        40,
        "Một ngày tham quan thác Ngà, rừng nguyên sinh và bản người Dao, gồm bữa trưa đặc sản; "
        "giá cho một khách.",
        (cert("t2025", "60"),),
    ),
    # ---- Yên Dũng -----------------------------------------------------------------------
    ProductData(
        "YD-CA-001",
        "Cá trắm đen Yên Dũng",
        "thit-trung-thuy-san",
        "trang-trai-ca-tu-mai",
        180000,
        60,
        "Cá trắm đen làm sẵn, 2–3 kg một con, nuôi bằng ốc trong ao nước sông Thương, thịt "
        "chắc, không tanh. Giá cho 1 kg.",
        (cert("h2024-yd", "63"),),
    ),
    ProductData(
        "YD-CA-002",
        "Chả cá trắm Yên Dũng",
        "thit-trung-thuy-san",
        "trang-trai-ca-tu-mai",
        220000,
        80,
        "Hộp 500 g chả cá trắm quết tay với thì là, hạt tiêu, chiên vàng hoặc hấp đều ngon.",
        (cert("t2026", "66"),),
    ),
    ProductData(
        "YD-GT-001",
        "Gạo thơm Yên Dũng",
        "gao-ngu-coc",
        "htx-nong-nghiep-lang-son",
        110000,
        300,
        "Túi 5 kg gạo thơm VietGAP, hạt dài, cơm mềm, thơm nhẹ.",
        (cert("h2024-yd", "61"),),
    ),
    ProductData(
        "YD-GT-002",
        "Gạo nếp cái hoa vàng Yên Dũng",
        "gao-ngu-coc",
        "htx-nong-nghiep-lang-son",
        175000,
        150,
        "Túi 5 kg nếp cái hoa vàng hạt tròn, dẻo thơm, dùng đồ xôi, gói bánh chưng, nấu rượu.",
        (cert("t2024", "71"),),
    ),
    ProductData(
        "YD-NS-001",
        "Nấm sò tươi Nham Sơn",
        "nong-san-tuoi",
        "tht-nam-nham-son",
        45000,
        100,
        "Hộp 1 kg nấm sò trắng trồng trên rơm sạch, thu hái buổi sáng, giao trong ngày.",
        (cert("h2024-yd", "58"),),
    ),
    ProductData(
        "YD-NS-002",
        "Nấm sò sấy giòn",
        "nong-san-che-bien",
        "tht-nam-nham-son",
        65000,
        150,
        "Túi 200 g nấm sò sấy giòn vị tỏi ớt, món ăn vặt chay ít dầu.",
        (cert("t2025", "60"),),
    ),
    # ---- Lạng Giang ---------------------------------------------------------------------
    ProductData(
        "LG-RS-001",
        "Rau an toàn VietGAP Lạng Giang",
        "nong-san-tuoi",
        "htx-nong-nghiep-tan-thanh",
        95000,
        80,
        "Giỏ 3 kg rau củ theo mùa trồng trong nhà lưới VietGAP: cải, su hào, cà chua, dưa lê.",
        (cert("h2024-lg", "65"),),
    ),
    ProductData(
        "LG-RS-002",
        "Thịt lợn VietGAP Lạng Giang",
        "thit-trung-thuy-san",
        "htx-nong-nghiep-tan-thanh",
        160000,
        60,
        "Khay 1 kg thịt ba chỉ lợn nuôi theo chuỗi VietGAP, giết mổ tại cơ sở đạt chuẩn.",
        (cert("h2024-lg", "60"),),
    ),
    ProductData(
        "LG-NL-001",
        "Nấm linh chi đỏ Lạng Giang",
        "duoc-lieu",
        "trang-trai-nam-my-thai",
        450000,
        60,
        "Túi 500 g nấm linh chi đỏ thái lát, sấy khô, có phiếu kiểm nghiệm hoạt chất theo lô.",
        (cert("t2024", "73"),),
    ),
    ProductData(
        "LG-NL-002",
        "Trà linh chi túi lọc",
        "tra-thao-duoc",
        "trang-trai-nam-my-thai",
        120000,
        100,
        "Hộp 30 túi lọc trà linh chi phối hợp cỏ ngọt, tiện pha uống hằng ngày.",
        (cert("h2024-lg", "62"),),
    ),
    ProductData(
        "LG-GC-001",
        "Giò lụa Vôi",
        "thit-trung-thuy-san",
        "hkd-gio-cha-voi",
        180000,
        40,
        "Cây giò lụa 1 kg giã từ thịt nóng, gói lá chuối, không hàn the, dai giòn, thơm nước mắm.",
        (cert("t2026", "62"),),
    ),
    # ---- Tân Yên ------------------------------------------------------------------------
    ProductData(
        "TY-VS-001",
        "Vải sớm Phúc Hòa",
        "nong-san-tuoi",
        "htx-vai-som-phuc-hoa",
        110000,
        120,
        "Hộp 2 kg vải sớm Phúc Hòa chín từ giữa tháng 5, quả to, vỏ đỏ tươi, vị ngọt chua.",
        (cert("h2023-ty", "62"), cert("t2026", "72")),
    ),
    ProductData(
        "TY-VS-002",
        "Lạc đỏ Tân Yên",
        "gao-ngu-coc",
        "htx-vai-som-phuc-hoa",
        70000,
        200,
        "Túi 1 kg lạc nhân đỏ trồng xen trên đồi vải, hạt chắc, bùi, dùng rang hoặc ép dầu.",
        (cert("h2024-ty", "57"),),
    ),
    ProductData(
        "TY-NG-001",
        "Tinh bột nghệ Tân Yên",
        "duoc-lieu",
        "hkd-nghe-ngoc-thien",
        180000,
        100,
        "Hũ 500 g tinh bột nghệ vàng đã tách dầu, mịn, tan nhanh trong nước ấm.",
        (cert("h2024-ty", "64"),),
    ),
    ProductData(
        "TY-NG-002",
        "Kẹo lạc Tân Yên",
        "nong-san-che-bien",
        "hkd-nghe-ngoc-thien",
        45000,
        200,
        "Hộp 300 g kẹo lạc mật mía, giòn, thơm gừng.",
        (cert("h2024-ty", "56"),),
    ),
    ProductData(
        "TY-BU-001",
        "Bưởi Diễn Tân Yên",
        "nong-san-tuoi",
        "trang-trai-buoi-lien-chung",
        140000,
        80,
        "Thùng 4 quả bưởi Diễn (khoảng 4 kg), vỏ vàng, múi ráo nước, ngọt mát; có vào dịp Tết.",
        (cert("t2024", "71"),),
    ),
    # ---- Hiệp Hòa -----------------------------------------------------------------------
    ProductData(
        "HH-XK-001",
        "Dưa chuột bao tử muối Hiệp Hòa",
        "nong-san-che-bien",
        "cong-ty-thuc-pham-hiep-hoa",
        55000,
        300,
        "Lọ 700 g dưa chuột bao tử muối chua ngọt theo tiêu chuẩn xuất khẩu Nhật Bản.",
        (cert("t2022", "71"), cert("t2024", "72")),
    ),
    ProductData(
        "HH-XK-002",
        "Tương ớt Hiệp Hòa",
        "nong-san-che-bien",
        "cong-ty-thuc-pham-hiep-hoa",
        35000,
        200,
        "Chai 250 g tương ớt chỉ thiên. Sản phẩm thử nghiệm, được xếp hạng 1 sao năm 2022.",
        (cert("h2022-hh", "27"),),
    ),
    ProductData(
        "HH-RQ-001",
        "Dưa chuột Hiệp Hòa",
        "nong-san-tuoi",
        "htx-rau-qua-hoang-van",
        90000,
        100,
        "Thùng 5 kg dưa chuột VietGAP, quả thẳng, giòn, có mã số vùng trồng xuất khẩu.",
        (cert("h2024-hh", "62"),),
    ),
    ProductData(
        "HH-RQ-002",
        "Ớt chỉ thiên Hiệp Hòa",
        "nong-san-tuoi",
        "htx-rau-qua-hoang-van",
        80000,
        80,
        "Hộp 1 kg ớt chỉ thiên tươi, quả nhỏ, cay nồng, vùng trồng ớt xuất khẩu ven sông Cầu.",
        (cert("h2024-hh", "57"),),
    ),
    ProductData(
        "HH-DM-001",
        "Khăn mặt sợi tre Mai Đình",
        "khan-san-pham-det",
        "tht-det-may-mai-dinh",
        150000,
        100,
        "Hộp 5 khăn mặt dệt từ sợi tre, mềm, kháng khuẩn tự nhiên, thấm nước tốt.",
        (cert("h2024-hh", "59"),),
    ),
    ProductData(
        "HH-DM-002",
        "Bộ khăn tắm cotton Hiệp Hòa",
        "khan-san-pham-det",
        "tht-det-may-mai-dinh",
        260000,
        60,
        "Bộ 2 khăn tắm bông cotton 70 × 140 cm, dệt dày, không xù lông sau nhiều lần giặt.",
        (cert("t2025", "61"),),
    ),
    # ---- Việt Yên -----------------------------------------------------------------------
    ProductData(
        "VY-RV-001",
        "Rượu làng Vân",
        "do-uong-co-con",
        "htx-ruou-lang-van",
        180000,
        100,
        "Chai 500 ml rượu nếp cái làng Vân, 40 độ, hạ thổ 6 tháng, êm, thơm men lá.",
        (cert("h2021-vy", "68"), cert("t2024", "77")),
    ),
    ProductData(
        "VY-RV-002",
        "Rượu làng Vân ngâm mơ",
        "do-uong-co-con",
        "htx-ruou-lang-van",
        220000,
        60,
        "Bình 1 lít rượu làng Vân ngâm mơ vàng, 25 độ, vị chua ngọt, hợp làm quà biếu.",
        (cert("h2024-vy", "66"),),
    ),
    ProductData(
        "VY-GT-001",
        "Bình gốm sành nâu Thổ Hà",
        "gom",
        "hkd-gom-tho-ha",
        650000,
        20,
        "Bình cắm hoa gốm sành nâu cao 35 cm, nung củi, tiếng gõ kêu như chuông.",
        (cert("t2024", "74"),),
    ),
    ProductData(
        "VY-GT-002",
        "Bộ ấm chén gốm Thổ Hà",
        "gom",
        "hkd-gom-tho-ha",
        850000,
        15,
        "Bộ ấm và 6 chén gốm sành Thổ Hà, giữ nhiệt tốt, pha trà không bị ám mùi.",
        (cert("h2024-vy", "64"),),
    ),
    ProductData(
        "VY-GT-003",
        "Trải nghiệm làm gốm làng Thổ Hà",
        "tham-quan-trai-nghiem",
        "hkd-gom-tho-ha",
        150000,
        30,
        "Nửa buổi tham quan làng cổ Thổ Hà, đình làng và lò gốm, tự tay nặn một sản phẩm mang "
        "về; giá cho một khách.",
        (cert("t2026", "61"),),
    ),
    ProductData(
        "VY-DG-001",
        "Hộp gỗ mỹ nghệ Việt Yên",
        "do-go-my-nghe",
        "cong-ty-do-go-tien-son",
        350000,
        40,
        "Hộp gỗ hương khắc hoa văn trống đồng, lót nhung, dùng đựng trà hoặc trang sức.",
        (cert("h2024-vy", "62"),),
    ),
    ProductData(
        "VY-DG-002",
        "Bàn trà gỗ Việt Yên",
        "do-go-my-nghe",
        "cong-ty-do-go-tien-son",
        1500000,
        10,
        "Bàn trà gỗ xoan đào 80 × 50 cm, mộng truyền thống, phủ dầu lau gốc thực vật.",
        (cert("t2025", "70"),),
    ),
    ProductData(
        "VY-MT-001",
        "Giỏ mây đan Tăng Tiến",
        "may-tre-dan",
        "htx-may-tre-dan-tang-tien",
        180000,
        60,
        "Giỏ mây đan tay có quai, đường kính 30 cm, dùng đi chợ, đựng đồ hoặc trang trí.",
        (cert("h2024-vy", "63"),),
    ),
    ProductData(
        "VY-MT-002",
        "Bộ khay mây tre Tăng Tiến",
        "may-tre-dan",
        "htx-may-tre-dan-tang-tien",
        240000,
        50,
        "Bộ 3 khay tre đan lồng nhau, mẫu hàng xuất khẩu châu Âu, xử lý chống mốc tự nhiên.",
        (cert("t2024", "71"),),
    ),
    # ---- Thành phố Bắc Giang ------------------------------------------------------------
    ProductData(
        "BG-MY-001",
        "Mỳ Đa Mai",
        "nong-san-che-bien",
        "hkd-my-da-mai",
        50000,
        300,
        "Gói 1 kg mỳ gạo làng Đa Mai, sợi nhỏ, dai mềm, nấu nhanh, không chất bảo quản.",
        (cert("h2024-bg", "63"),),
    ),
    ProductData(
        "BG-BD-001",
        "Bánh đa Kế",
        "nong-san-che-bien",
        "tht-banh-da-ke",
        45000,
        300,
        "Gói 10 chiếc bánh đa vừng lạc làng Kế, nướng than lên giòn, thơm vừng đen.",
        (cert("h2024-bg", "66"),),
    ),
    ProductData(
        "BG-BD-002",
        "Bánh đa nem làng Kế",
        "nong-san-che-bien",
        "tht-banh-da-ke",
        50000,
        200,
        "Tập 50 lá bánh đa nem tráng mỏng, dẻo, cuốn không rách, rán giòn lâu.",
        (cert("t2026", "60"),),
    ),
    ProductData(
        "BG-DT-001",
        "Đông trùng hạ thảo sấy thăng hoa",
        "duoc-lieu",
        "cong-ty-nong-san-song-khe",
        550000,
        40,
        "Hộp 20 g đông trùng hạ thảo nuôi trồng trong phòng sạch, sấy thăng hoa giữ nguyên "
        "hoạt chất cordycepin.",
        (cert("t2024", "72"),),
    ),
)


# --------------------------------------------------------------------------------------------
# Places: six OCOP showroom points and three eco-tourism culture villages
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlaceData:
    """A showroom point or a tourism village, with its position on the map. ``address`` is
    written in today's units; ``district`` and ``commune`` name the unit recorded in the
    programme's documents (pre-2025), which pages show with the unit it became."""

    slug: str
    kind: str
    name: str
    district: str
    commune: str
    address: str
    latitude: str
    longitude: str
    phone: str
    opening_hours: str
    description: str


SHOWROOM_HOURS = "7:30–17:30 hằng ngày"

PLACES: tuple[PlaceData, ...] = (
    PlaceData(
        "diem-ocop-son-dong",
        "showroom",
        "Điểm giới thiệu và bán sản phẩm OCOP Sơn Động",
        "son-dong",
        "An Châu",
        "Tổ dân phố Thống Nhất, xã Sơn Động, tỉnh Bắc Ninh",
        "21.326100",
        "106.848800",
        "0204 3886 200",
        SHOWROOM_HOURS,
        "Trưng bày dược liệu, lâm sản và thổ cẩm của đồng bào Sơn Động, trên đường vào khu du "
        "lịch Tây Yên Tử.",
    ),
    PlaceData(
        "diem-ocop-luc-ngan",
        "showroom",
        "Điểm giới thiệu và bán sản phẩm OCOP Lục Ngạn",
        "luc-ngan",
        "Chũ",
        "Số 2 đường Thân Nhân Trung, phường Chũ, tỉnh Bắc Ninh",
        "21.375600",
        "106.598900",
        "0204 3882 200",
        SHOWROOM_HOURS,
        "Nơi giới thiệu vải thiều, mỳ Chũ và trái cây Lục Ngạn, kết nối khách với các vườn "
        "vải mở cửa đón khách mùa thu hoạch.",
    ),
    PlaceData(
        "diem-ocop-luc-nam",
        "showroom",
        "Điểm giới thiệu và bán sản phẩm OCOP Lục Nam",
        "luc-nam",
        "Đồi Ngô",
        "Phố Kim Lân, xã Lục Nam, tỉnh Bắc Ninh",
        "21.289200",
        "106.388600",
        "0204 3887 200",
        SHOWROOM_HOURS,
        "Điểm dừng chân trên đường đến Suối Mỡ và Huyền Đinh, bán na dai, rượu nếp cẩm và "
        "sản phẩm thảo mộc Lục Nam.",
    ),
    PlaceData(
        "diem-ocop-yen-the",
        "showroom",
        "Điểm giới thiệu và bán sản phẩm OCOP Yên Thế",
        "yen-the",
        "Phồn Xương",
        "Tổ dân phố Chợ, xã Yên Thế, tỉnh Bắc Ninh",
        "21.520300",
        "106.120700",
        "0204 3876 200",
        SHOWROOM_HOURS,
        "Gần khu di tích khởi nghĩa Yên Thế; giới thiệu gà đồi Yên Thế, chè Bố Hạ và tour "
        "Xuân Lung – Thác Ngà.",
    ),
    PlaceData(
        "diem-ocop-yen-dung",
        "showroom",
        "Điểm giới thiệu và bán sản phẩm OCOP Yên Dũng",
        "yen-dung",
        "Neo",
        "Phố Neo, phường Yên Dũng, tỉnh Bắc Ninh",
        "21.204300",
        "106.242000",
        "0204 3878 200",
        SHOWROOM_HOURS,
        "Giới thiệu gạo, nấm, cá và chả cá Yên Dũng, gần chùa Vĩnh Nghiêm và khu du lịch "
        "Nham Biền.",
    ),
    PlaceData(
        "diem-ocop-viet-yen",
        "showroom",
        "Điểm giới thiệu và bán sản phẩm OCOP Việt Yên",
        "viet-yen",
        "Nếnh",
        "Quốc lộ 37, phường Nếnh, tỉnh Bắc Ninh",
        "21.270600",
        "106.100300",
        "0204 3866 200",
        SHOWROOM_HOURS,
        "Trưng bày rượu làng Vân, gốm Thổ Hà, mây tre đan Tăng Tiến và đồ gỗ mỹ nghệ Việt Yên.",
    ),
    PlaceData(
        "lang-khe-ro",
        "village",
        "Làng văn hóa du lịch sinh thái Khe Rỗ",
        "son-dong",
        "An Lạc",
        "Thôn Khe Rỗ, xã An Lạc, tỉnh Bắc Ninh",
        "21.287400",
        "106.929700",
        "0912 555 111",
        "",
        "Bản người Dao và người Tày nằm giữa khu bảo tồn thiên nhiên Tây Yên Tử, với rừng "
        "nguyên sinh, suối đá và thác nước. Du khách nghỉ nhà sàn, đi rừng cùng người bản, "
        "thưởng thức cơm lam, gà đồi và rau rừng.",
    ),
    PlaceData(
        "lang-suoi-mo",
        "village",
        "Làng văn hóa du lịch sinh thái Suối Mỡ",
        "luc-nam",
        "Nghĩa Phương",
        "Thôn Bãi Đá, xã Nghĩa Phương, tỉnh Bắc Ninh",
        "21.246800",
        "106.448200",
        "0204 3887 112",
        "",
        "Dòng suối chảy từ núi Huyền Đinh qua ba tầng thác, gắn với đền thờ Công chúa Quế Mỵ "
        "Nương. Lễ hội Suối Mỡ tổ chức vào đầu tháng Sáu âm lịch; du khách tắm suối, cắm trại "
        "và trải nghiệm làm nông cùng người dân.",
    ),
    PlaceData(
        "lang-xuan-lung-thac-nga",
        "village",
        "Làng văn hóa du lịch sinh thái Xuân Lung – Thác Ngà",
        "yen-the",
        "Xuân Lương",
        "Bản Thác Ngà, xã Xuân Lương, tỉnh Bắc Ninh",
        "21.590500",
        "106.087400",
        "0912 555 118",
        "",
        "Vùng rừng núi phía bắc Yên Thế với thác Ngà, hồ Đồng Mương và các bản người Dao, "
        "người Tày; du khách tìm hiểu lịch sử khởi nghĩa Yên Thế, ăn cơm bản và đi bộ trong rừng.",
    ),
)


# --------------------------------------------------------------------------------------------
# The website's front page
# --------------------------------------------------------------------------------------------

HOME_TITLE = "OCOP Bắc Giang"
HOME_INTRO = (
    "Sản phẩm OCOP “Mỗi xã một sản phẩm” của Bắc Giang, từ 3 sao trở lên: vải thiều Lục Ngạn, "
    "mỳ Chũ, gà đồi Yên Thế, gạo bao thai và nhiều đặc sản khác."
)
HOME_BODY = (
    "<p>Chương trình Mỗi xã một sản phẩm (OCOP) tỉnh Bắc Giang phát triển các sản phẩm "
    "truyền thống, đặc sản của từng địa phương theo chuỗi giá trị, do các hợp tác xã, doanh "
    "nghiệp, tổ hợp tác, hộ kinh doanh và chủ trang trại làm chủ.</p>"
    "<p>Sản phẩm được hội đồng đánh giá, phân hạng từ 1 đến 5 sao; chỉ những sản phẩm đạt từ "
    "3 sao trở lên, còn hiệu lực chứng nhận, được giới thiệu và bán tại đây, tại sáu điểm "
    "giới thiệu sản phẩm OCOP ở Sơn Động, Lục Ngạn, Lục Nam, Yên Thế, Yên Dũng, Việt Yên và "
    "tại các hội chợ xúc tiến thương mại.</p>"
)
HOME_FEATURED_COUNT = 8
HOME_INTRO_EN = (
    "Bắc Giang's One Commune One Product (OCOP) products rated 3 stars and above: Lục Ngạn "
    "lychee, Chũ noodles, Yên Thế hill chicken, bao thai rice and many more local specialities."
)
HOME_BODY_EN = (
    "<p>Bắc Giang's OCOP programme develops each locality's traditional products and "
    "specialities along value chains, run by cooperatives, enterprises, cooperative groups, "
    "household businesses and farm owners.</p>"
    "<p>Councils evaluate products and award 1 to 5 stars; only products rated 3 stars or more, "
    "with a valid certificate, are promoted and sold here, at the six OCOP showroom points in "
    "Sơn Động, Lục Ngạn, Lục Nam, Yên Thế, Yên Dũng and Việt Yên, and at trade fairs.</p>"
)


# --------------------------------------------------------------------------------------------
# Demo logins (printed by the command; never load this data into a production database)
# --------------------------------------------------------------------------------------------

ADMIN_USERNAME = "admin"
ADMIN_EMAIL = "admin@ocop.bacgiang.vn"
ADMIN_PASSWORD = "ocop-admin-2026"
PRODUCER_USERNAME = "htx.vaithieu"
PRODUCER_EMAIL = "htx.vaithieu@ocop.bacgiang.vn"
PRODUCER_PASSWORD = "ocop-producer-2026"
#: The website's editorial logins (Wagtail admin only; see cms/editorial.py).
EDITOR_USERNAME = "bientap.sct"
EDITOR_EMAIL = "bientap.sct@ocop.bacgiang.vn"
EDITOR_PASSWORD = "ocop-editor-2026"
MODERATOR_USERNAME = "kiemduyet"
MODERATOR_EMAIL = "kiemduyet@ocop.bacgiang.vn"
MODERATOR_PASSWORD = "ocop-moderator-2026"

#: django.contrib.sites' site (Oscar puts it in emails).
SITE_DOMAIN = "127.0.0.1:8000"
SITE_NAME = "OCOP Bắc Giang"

#: The programme office's demo login (records certificates, reviews ideas; catalog/demo_records.py).
OFFICE_USERNAME = "vanphong.ocop"
OFFICE_EMAIL = "vanphong.ocop@ocop.bacgiang.vn"
OFFICE_PASSWORD = "ocop-office-2026"

#: A commune officer's demo login (receives and forwards producers' ideas; Django admin).
COMMUNE_USERNAME = "canbo.xa"
COMMUNE_EMAIL = "canbo.xa@ocop.bacgiang.vn"
COMMUNE_PASSWORD = "ocop-commune-2026"

#: The demo shopper (marketplace/demo/shopper.py): one past order from two producers, a saved
#: address and a wishlist entry, so the account pages have something to show.
SHOPPER_USERNAME = "khachhang"
SHOPPER_EMAIL = "khachhang@example.vn"
SHOPPER_PASSWORD = "ocop-shopper-2026"
SHOPPER_ORDER_NUMBER = "DEMO-1001"
SHOPPER_ORDER_LINES = (("LN-VT-002", 2), ("LN-MC-001", 3))
SHOPPER_WISHLIST_SKU = "LN-MO-001"
SHOPPER_REVIEW_BODY = "Mỳ Chũ luộc 3 phút là chín, sợi dai và thơm mùi gạo; cả nhà đều thích."
SHOPPER_ADDRESS = {
    "last_name": "Nguyễn Thị",
    "first_name": "Hoa",
    "phone_number": "+84912345678",
    "state": "Bắc Ninh",
    "line4": "Phường Bắc Giang",
    "line1": "Số 12 đường Hùng Vương",
    "notes": "Gọi trước khi giao",
}

# --- the producer dashboard's demo: orders to fulfil, a showroom counter ---------------------
COUNTER_USERNAME = "quay.lucngan"
COUNTER_EMAIL = "quay.lucngan@ocop.bacgiang.vn"
COUNTER_PASSWORD = "ocop-counter-2026"
COUNTER_PLACE_SLUG = "diem-ocop-luc-ngan"
#: A cash-on-delivery order from two producers, waiting for them to send their lines.
FULFIL_DELIVERY_ORDER_NUMBER = "DEMO-2001"
FULFIL_DELIVERY_LINES = (("LN-VT-002", 2), ("LN-MC-001", 2))
#: A pickup order at the Lục Ngạn showroom with the lychee cooperative's line.
FULFIL_PICKUP_ORDER_NUMBER = "DEMO-2002"
FULFIL_PICKUP_LINES = (("LN-VT-002", 1),)
FULFIL_ADDRESS = {
    "last_name": "Trần Văn",
    "first_name": "Minh",
    "phone_number": "+84987654321",
    "state": "Hà Nội",
    "line4": "Phường Cầu Giấy",
    "line1": "Số 8 ngõ 12 phố Trần Thái Tông",
    "notes": "Giao giờ hành chính",
}
