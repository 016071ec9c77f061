/**
 * The Vietnamese raw material of the synthetic data set (scripts/seed-synthetic.ts): names with
 * roughly the real frequencies of family names, addresses in the sample directory's communes
 * and wards (src/sample/directory.ts) with real-looking thôn/tổ/street names, and what letters
 * and visits are about, per field of state management and content type.
 */

/** Family names, weighted by their approximate share of the population (percent). */
export const FAMILY_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Huỳnh', 4], ['Hoàng', 2], ['Phan', 4.5], ['Võ', 3.5],
  ['Vũ', 1], ['Đặng', 2.1], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5],
  ['Đinh', 1], ['Trương', 1], ['Trịnh', 0.5], ['Mai', 0.5], ['Lương', 0.5], ['Đoàn', 0.5], ['Hà', 0.4], ['Cao', 0.4],
  ['Lâm', 0.3], ['Tạ', 0.2], ['Châu', 0.2], ['Tô', 0.2], ['Phùng', 0.2], ['La', 0.1],
]

export const MIDDLE_NAMES = {
  male: ['Văn', 'Văn', 'Văn', 'Đức', 'Minh', 'Quốc', 'Hữu', 'Công', 'Thanh', 'Ngọc', 'Xuân', 'Tấn', 'Đình', 'Trọng'],
  female: ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Kim', 'Bích', 'Thanh', 'Mỹ', 'Thùy', 'Hồng', 'Phương'],
} as const

export const GIVEN_NAMES = {
  male: ['An', 'Bình', 'Cường', 'Dũng', 'Đức', 'Hải', 'Hùng', 'Hưng', 'Khánh', 'Long', 'Minh', 'Nam', 'Phong', 'Phúc', 'Quang', 'Sơn', 'Tài', 'Thắng', 'Thành', 'Tiến', 'Trung', 'Tuấn', 'Việt', 'Vinh', 'Lộc', 'Hiếu', 'Toàn', 'Nghĩa', 'Tâm', 'Bảo'],
  female: ['Anh', 'Chi', 'Dung', 'Hà', 'Hạnh', 'Hằng', 'Hoa', 'Hồng', 'Hương', 'Lan', 'Liên', 'Linh', 'Loan', 'Mai', 'Nga', 'Ngọc', 'Nhung', 'Oanh', 'Phương', 'Thảo', 'Thủy', 'Trang', 'Tuyết', 'Vân', 'Yến', 'Lệ', 'Sương', 'Diệu'],
} as const

/** A commune or ward of the sample directory, its agency and the places people live in it. */
export interface Place {
  /** Area code (letters.location). */
  area: string
  /** The commune's People's Committee (agencies.code). */
  agency: string
  /** "xã Sơn Tây", "phường Cẩm Thành". */
  name: string
  /** Thôn / tổ dân phố names. */
  hamlets: readonly string[]
  /** Streets (wards only). */
  streets: readonly string[]
  /** CCCD province prefix of people born there (051 Quảng Ngãi, 062 Kon Tum). */
  idPrefix: string
}

const QN_STREETS = ['Hùng Vương', 'Quang Trung', 'Lê Lợi', 'Phan Đình Phùng', 'Nguyễn Nghiêm', 'Trần Hưng Đạo', 'Lê Trung Đình', 'Phạm Văn Đồng', 'Nguyễn Du', 'Bà Triệu', 'Trương Định', 'Hai Bà Trưng', 'Chu Văn An', 'Lê Thánh Tôn', 'Ngô Quyền', 'Nguyễn Công Phương', 'Trường Chinh', 'Lý Thường Kiệt']

export const PLACES: readonly Place[] = [
  { area: 'PHUONG_CAM_THANH', agency: 'UBND_PHUONG_CAM_THANH', name: 'phường Cẩm Thành', hamlets: ['tổ dân phố 1', 'tổ dân phố 3', 'tổ dân phố 5', 'tổ dân phố 7', 'tổ dân phố 9', 'tổ dân phố Phú Thọ'], streets: QN_STREETS, idPrefix: '051' },
  { area: 'PHUONG_NGHIA_LO', agency: 'UBND_PHUONG_NGHIA_LO', name: 'phường Nghĩa Lộ', hamlets: ['tổ dân phố 2', 'tổ dân phố 4', 'tổ dân phố 6', 'tổ dân phố Ba La', 'tổ dân phố Hòa Bình'], streets: QN_STREETS, idPrefix: '051' },
  { area: 'PHUONG_TRUONG_QUANG_TRONG', agency: 'UBND_PHUONG_TRUONG_QUANG_TRONG', name: 'phường Trương Quang Trọng', hamlets: ['tổ dân phố Phú Vinh', 'tổ dân phố Xuân Vinh', 'tổ dân phố 8', 'tổ dân phố Liên Hiệp'], streets: ['Lê Thánh Tôn', 'Trường Chinh', 'Phan Bội Châu', 'Nguyễn Văn Linh', 'Võ Văn Kiệt'], idPrefix: '051' },
  { area: 'PHUONG_KON_TUM', agency: 'UBND_PHUONG_KON_TUM', name: 'phường Kon Tum', hamlets: ['tổ dân phố 1', 'tổ dân phố 4', 'làng Kon Klor', 'làng Plei Tơ Nghia', 'tổ dân phố 10'], streets: ['Phan Chu Trinh', 'Trần Phú', 'Lê Hồng Phong', 'Bà Triệu', 'Trần Hưng Đạo', 'Nguyễn Huệ', 'Phan Đình Phùng'], idPrefix: '062' },
  { area: 'XA_BINH_SON', agency: 'UBND_XA_BINH_SON', name: 'xã Bình Sơn', hamlets: ['thôn Phước Thiện', 'thôn Mỹ Long', 'thôn Tân Hy', 'thôn Đông Yên', 'thôn An Điềm', 'thôn Vạn Tường', 'thôn Tuyết Diêm'], streets: [], idPrefix: '051' },
  { area: 'XA_TU_NGHIA', agency: 'UBND_XA_TU_NGHIA', name: 'xã Tư Nghĩa', hamlets: ['thôn An Hòa Bắc', 'thôn Phú Sơn', 'thôn Thanh Khiết', 'thôn Điện An', 'thôn La Hà', 'thôn Năng Tây'], streets: [], idPrefix: '051' },
  { area: 'XA_SON_TAY', agency: 'UBND_XA_SON_TAY', name: 'xã Sơn Tây', hamlets: ['thôn Đăk Lang', 'thôn Huy Măng', 'thôn Tang Tong', 'thôn Ka Xim', 'thôn Mang Trẫy', 'thôn Tà Bần'], streets: [], idPrefix: '051' },
  { area: 'XA_DAK_HA', agency: 'UBND_XA_DAK_HA', name: 'xã Đăk Hà', hamlets: ['thôn Kon Gung', 'thôn 1A', 'thôn Đăk Xú', 'thôn Kon Trang', 'thôn 4'], streets: [], idPrefix: '062' },
  { area: 'DAC_KHU_LY_SON', agency: 'UBND_DAC_KHU_LY_SON', name: 'đặc khu Lý Sơn', hamlets: ['thôn Đông', 'thôn Tây', 'thôn Bắc', 'thôn An Vĩnh', 'thôn An Hải', 'thôn Trung Yên'], streets: [], idPrefix: '051' },
]

export const PROVINCE = 'tỉnh Quảng Ngãi'

/** Fields with their provincial department (competent outside the commune's own matters). */
export const FIELD_AGENCY: Record<string, string> = {
  dat_dai: 'SO_NNMT',
  moi_truong: 'SO_NNMT',
  nong_nghiep: 'SO_NNMT',
  xay_dung: 'SO_XD',
  giao_thong: 'SO_XD',
  chinh_sach_xa_hoi: 'SO_NV',
  lao_dong: 'SO_NV',
  noi_vu: 'SO_NV',
  bao_hiem_xa_hoi: 'SO_YT',
  y_te: 'SO_YT',
  giao_duc: 'SO_GDDT',
  tai_chinh: 'SO_TC',
  tu_phap: 'SO_TP',
  an_ninh_trat_tu: 'CONG_AN_TINH',
  dan_toc_ton_giao: 'SO_DTTG',
  quy_dinh_hanh_chinh: 'VP_UBND_TINH',
}

/** Fields a commune handles for its own area (src/sample/directory.ts). */
export const COMMUNE_FIELDS = new Set(['dat_dai', 'xay_dung', 'moi_truong', 'tu_phap', 'chinh_sach_xa_hoi', 'an_ninh_trat_tu', 'nong_nghiep'])

/** Fields weighted by how often letters concern them (land dominates, as in every report). */
export const FIELD_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['dat_dai', 42], ['xay_dung', 8], ['moi_truong', 7], ['chinh_sach_xa_hoi', 8], ['lao_dong', 4], ['bao_hiem_xa_hoi', 3],
  ['y_te', 3], ['giao_duc', 3], ['tai_chinh', 3], ['noi_vu', 4], ['tu_phap', 4], ['an_ninh_trat_tu', 4], ['giao_thong', 4],
  ['nong_nghiep', 2], ['dan_toc_ton_giao', 1],
]

/**
 * What a letter says, per field and kind. Slots: {noi} a hamlet and commune, {xa} the commune,
 * {nguoi} a person, {so} a document number, {nam} a year, {duong} a street, {cty} a company,
 * {thua} a parcel number, {dt} an area.
 */
export const TOPICS: Record<string, { khieu_nai: string[]; to_cao: string[]; kien_nghi_phan_anh: string[] }> = {
  dat_dai: {
    khieu_nai: [
      'Khiếu nại Quyết định số {so}/QĐ-UBND về việc thu hồi {dt} m² đất nông nghiệp tại {noi} để thực hiện dự án khu dân cư; cho rằng đơn giá bồi thường thấp hơn giá thị trường.',
      'Khiếu nại việc Ủy ban nhân dân {xa} không cấp Giấy chứng nhận quyền sử dụng đất đối với thửa đất số {thua} tại {noi} mà gia đình sử dụng ổn định từ năm {nam}.',
      'Khiếu nại Quyết định số {so}/QĐ-UBND phê duyệt phương án bồi thường, hỗ trợ và tái định cư, không bố trí đất tái định cư cho hộ gia đình.',
    ],
    to_cao: [
      'Tố cáo ông {nguoi}, công chức địa chính {xa}, nhận tiền của người dân để xác nhận nguồn gốc đất sai quy định tại {noi}.',
      'Tố cáo cán bộ {xa} để người dân lấn chiếm đất công, san lấp mặt bằng trái phép tại {noi} mà không xử lý.',
    ],
    kien_nghi_phan_anh: [
      'Kiến nghị cấp Giấy chứng nhận quyền sử dụng đất cho thửa đất số {thua} tại {noi}, hồ sơ nộp từ năm {nam} đến nay chưa được giải quyết.',
      'Phản ánh việc lấn chiếm đất hành lang an toàn đường bộ tại {noi} kéo dài nhiều năm chưa được xử lý.',
      'Phản ánh tranh chấp ranh giới thửa đất giữa hộ gia đình và hộ ông {nguoi} tại {noi}; đề nghị hòa giải, đo đạc lại.',
      'Kiến nghị điều chỉnh giá đất bồi thường dự án đường ven biển đoạn qua {xa}.',
    ],
  },
  xay_dung: {
    khieu_nai: ['Khiếu nại Quyết định số {so}/QĐ-XPHC xử phạt vi phạm hành chính về xây dựng nhà ở không phép tại số {thua} đường {duong}.'],
    to_cao: ['Tố cáo chủ đầu tư công trình nhà văn hóa {noi} thi công sai thiết kế, bớt xén vật liệu.'],
    kien_nghi_phan_anh: [
      'Phản ánh công trình xây dựng lấn chiếm vỉa hè đường {duong}, gây cản trở giao thông.',
      'Phản ánh nhà ở bị nứt tường do thi công công trình liền kề tại {noi}; đề nghị buộc chủ đầu tư bồi thường.',
    ],
  },
  moi_truong: {
    khieu_nai: ['Khiếu nại Quyết định số {so}/QĐ-UBND đình chỉ hoạt động cơ sở chăn nuôi tại {noi}.'],
    to_cao: ['Tố cáo {cty} khai thác cát trái phép trên sông Trà Khúc đoạn qua {xa}, gây sạt lở bờ sông.'],
    kien_nghi_phan_anh: [
      'Phản ánh cơ sở chế biến tinh bột mì tại {noi} xả nước thải chưa qua xử lý ra suối, gây mùi hôi.',
      'Phản ánh bãi rác tự phát tại {noi} gây ô nhiễm, đề nghị thu gom, xử lý.',
    ],
  },
  chinh_sach_xa_hoi: {
    khieu_nai: ['Khiếu nại việc đưa hộ gia đình ra khỏi danh sách hộ nghèo năm {nam} tại {noi}.'],
    to_cao: ['Tố cáo trưởng thôn {noi} lập khống danh sách nhận tiền hỗ trợ người có hoàn cảnh khó khăn.'],
    kien_nghi_phan_anh: [
      'Kiến nghị xem xét giải quyết chế độ trợ cấp đối với người có công với cách mạng cho ông {nguoi}.',
      'Kiến nghị giải quyết chế độ trợ cấp xã hội cho người cao tuổi tại {noi}.',
    ],
  },
  lao_dong: {
    khieu_nai: ['Khiếu nại việc {cty} chấm dứt hợp đồng lao động trái pháp luật, chưa thanh toán tiền lương ba tháng.'],
    to_cao: ['Tố cáo {cty} sử dụng lao động chưa thành niên làm việc nặng nhọc.'],
    kien_nghi_phan_anh: ['Phản ánh {cty} nợ lương công nhân từ tháng {thang} năm {nam}.'],
  },
  bao_hiem_xa_hoi: {
    khieu_nai: ['Khiếu nại việc không giải quyết chế độ hưu trí do thiếu thời gian đóng bảo hiểm xã hội.'],
    to_cao: ['Tố cáo {cty} thu tiền bảo hiểm xã hội của người lao động nhưng không nộp cho cơ quan bảo hiểm.'],
    kien_nghi_phan_anh: ['Phản ánh {cty} nợ tiền đóng bảo hiểm xã hội của người lao động từ năm {nam}.'],
  },
  y_te: {
    khieu_nai: ['Khiếu nại kết luận giám định y khoa của Hội đồng giám định y khoa tỉnh.'],
    to_cao: ['Tố cáo bác sĩ {nguoi} thu tiền ngoài quy định của người bệnh tại bệnh viện.'],
    kien_nghi_phan_anh: ['Phản ánh thái độ phục vụ của nhân viên trạm y tế {xa}.'],
  },
  giao_duc: {
    khieu_nai: ['Khiếu nại kết quả xét tuyển giáo viên năm {nam} của ngành giáo dục.'],
    to_cao: ['Tố cáo hiệu trưởng trường tiểu học {xa} sai phạm trong thu chi các khoản đóng góp.'],
    kien_nghi_phan_anh: ['Phản ánh trường học {xa} thu các khoản ngoài quy định đầu năm học.'],
  },
  tai_chinh: {
    khieu_nai: ['Khiếu nại quyết định truy thu thuế sử dụng đất phi nông nghiệp.'],
    to_cao: ['Tố cáo Chủ tịch Ủy ban nhân dân {xa} sai phạm trong quản lý, sử dụng ngân sách xây dựng nhà văn hóa {noi}.'],
    kien_nghi_phan_anh: ['Kiến nghị công khai thu chi quỹ phòng chống thiên tai tại {noi}.'],
  },
  noi_vu: {
    khieu_nai: ['Khiếu nại quyết định kỷ luật cảnh cáo đối với công chức {xa}.'],
    to_cao: ['Tố cáo bà {nguoi}, công chức {xa}, sử dụng bằng cấp không hợp pháp để được tuyển dụng.'],
    kien_nghi_phan_anh: ['Kiến nghị xem xét chế độ cho cán bộ không chuyên trách {xa} sau khi sắp xếp đơn vị hành chính.'],
  },
  tu_phap: {
    khieu_nai: ['Khiếu nại việc từ chối chứng thực hợp đồng chuyển nhượng quyền sử dụng đất tại {xa}.'],
    to_cao: ['Tố cáo công chức tư pháp - hộ tịch {xa} làm sai lệch hồ sơ đăng ký khai sinh.'],
    kien_nghi_phan_anh: ['Kiến nghị đính chính họ tên cha trong giấy khai sinh do Ủy ban nhân dân {xa} cấp.'],
  },
  an_ninh_trat_tu: {
    khieu_nai: ['Khiếu nại quyết định xử phạt vi phạm hành chính về trật tự công cộng.'],
    to_cao: ['Tố cáo nhóm đối tượng cho vay nặng lãi, đe dọa người dân tại {noi}.'],
    kien_nghi_phan_anh: ['Phản ánh tình trạng tụ tập đánh bạc, gây mất trật tự tại {noi} vào ban đêm.'],
  },
  giao_thong: {
    khieu_nai: ['Khiếu nại việc thu hồi đất làm đường giao thông liên xã qua {noi}.'],
    to_cao: ['Tố cáo nhà thầu thi công đường liên thôn {noi} không đúng thiết kế.'],
    kien_nghi_phan_anh: ['Kiến nghị sửa chữa tuyến đường liên thôn từ {noi} đi trung tâm xã đã xuống cấp nghiêm trọng.'],
  },
  nong_nghiep: {
    khieu_nai: ['Khiếu nại việc không hỗ trợ thiệt hại cây trồng do thiên tai năm {nam}.'],
    to_cao: ['Tố cáo đại lý vật tư nông nghiệp tại {xa} bán phân bón giả.'],
    kien_nghi_phan_anh: ['Phản ánh giống lúa kém chất lượng cung ứng cho nông dân {xa} vụ Đông Xuân.'],
  },
  dan_toc_ton_giao: {
    khieu_nai: ['Khiếu nại việc không được hỗ trợ nhà ở theo chương trình mục tiêu quốc gia.'],
    to_cao: ['Tố cáo cán bộ {xa} làm sai lệch danh sách hỗ trợ đồng bào dân tộc thiểu số tại {noi}.'],
    kien_nghi_phan_anh: ['Kiến nghị hỗ trợ nhà ở, đất sản xuất cho hộ đồng bào dân tộc thiểu số tại {noi}.'],
  },
}

/** NĐ 20/2008 feedback on administrative regulations (their own track). */
export const REGULATION_FEEDBACK = [
  'Phản ánh thủ tục đăng ký biến động đất đai yêu cầu nộp thêm giấy tờ không có trong quy định.',
  'Kiến nghị đơn giản hóa thủ tục cấp giấy phép xây dựng nhà ở riêng lẻ.',
  'Phản ánh thời hạn giải quyết thủ tục chứng thực trên Cổng dịch vụ công dài hơn quy định.',
]

export const REQUESTS = {
  khieu_nai: ['Đề nghị hủy quyết định nêu trên.', 'Đề nghị xem xét lại và bồi thường theo giá thị trường.', 'Đề nghị giải quyết dứt điểm, đúng pháp luật.'],
  to_cao: ['Đề nghị xác minh, xử lý nghiêm theo quy định.', 'Đề nghị giữ bí mật thông tin người tố cáo.'],
  kien_nghi_phan_anh: ['Đề nghị cơ quan chức năng kiểm tra, xử lý.', 'Đề nghị sớm giải quyết.'],
} as const

export const COMPANIES = ['Công ty TNHH Thương mại Thành Đạt', 'Công ty CP Xây dựng Miền Trung', 'Công ty TNHH May mặc Dung Quất', 'Công ty CP Chế biến Nông sản Quảng Ngãi', 'Công ty TNHH Khai thác Khoáng sản Trà Khúc', 'Doanh nghiệp tư nhân Hoàng Long']

/** Leaders who receive citizens in sessions (kỳ tiếp); the deputies receive on delegation. */
export const HOSTS: ReadonlyArray<{ name: string; delegated: boolean }> = [
  { name: 'Chủ tịch Ủy ban nhân dân tỉnh', delegated: false },
  { name: 'Phó Chủ tịch Thường trực Ủy ban nhân dân tỉnh', delegated: true },
  { name: 'Phó Chủ tịch Ủy ban nhân dân tỉnh phụ trách đất đai', delegated: true },
  { name: 'Bí thư Tỉnh ủy', delegated: false },
  { name: 'Chánh Thanh tra tỉnh', delegated: true },
  { name: 'Chủ tịch Ủy ban nhân dân xã Bình Sơn', delegated: false },
  { name: 'Chủ tịch Ủy ban nhân dân phường Cẩm Thành', delegated: false },
  { name: 'Chủ tịch Ủy ban nhân dân xã Sơn Tây', delegated: false },
]

export const REPLY_RESULTS = ['Đã xem xét, giải quyết và trả lời công dân.', 'Đã thụ lý giải quyết theo thẩm quyền.', 'Đã hướng dẫn công dân thực hiện theo quy định.', 'Đã kiểm tra, xử lý vi phạm.']

export const REFUSAL_GROUNDS = ['Vụ việc đã được giải quyết đúng chính sách, pháp luật, đã được kiểm tra, rà soát.', 'Người đến trong tình trạng say rượu.']
