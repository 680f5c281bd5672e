//! Layout-level tests of the metadata reader on documents written for them.

use super::*;
use crate::structure::analyze;

fn meta(text: &str) -> Meta {
    extract(text, &analyze(text))
}

fn county(m: &Meta) -> Option<&str> {
    m.region.as_ref().and_then(|r| r.county.as_deref())
}

#[test]
fn covering_notice_on_one_line() {
    let text = "莱芜区人民政府办公室关于印发莱芜区学前教育发展规划(2022—2025年)的通知\n\
        莱政办发[2022]7号\n\
        各镇人民政府,各街道办事处,区政府各部门:\n\
        《莱芜区学前教育发展规划(2022—2025年)》已经区政府研究同意,现印发给你们,请结合实际认真贯彻落实。\n\
        莱芜区人民政府办公室\n\
        二〇二二年三月十五日\n\
        莱芜区学前教育发展规划(2022—2025年)\n\
        为推进学前教育普及普惠发展,制定本规划。\n\
        一、发展基础\n";
    let m = meta(text);
    assert_eq!(
        m.title.as_deref(),
        Some("莱芜区学前教育发展规划(2022—2025年)")
    );
    assert_eq!(m.issuer.as_deref(), Some("莱芜区人民政府办公室"));
    assert_eq!(m.doc_number.as_deref(), Some("莱政办发〔2022〕7号"));
    assert_eq!(m.date.as_deref(), Some("2022-03-15"));
    assert_eq!(m.kind.as_deref(), Some("规划"));
    let p = m.period.unwrap();
    assert_eq!(
        (p.name.as_deref(), p.start, p.end),
        (Some("2022-2025"), 2022, 2025)
    );
    let r = m.region.unwrap();
    assert_eq!(r.county.as_deref(), Some("莱芜区"));
    assert_eq!(r.city.as_deref(), Some("济南市"));
    assert_eq!(r.province.as_deref(), Some("山东省"));
}

#[test]
fn covering_notice_broken_over_lines_after_web_chrome() {
    let text = "免费观看在线视频,精品资源,最新电影免费看\n\
        无障碍阅读 关怀版 返回首页\n\
        字号:\n\
        打印整页 打印内容 分享\n\
        \n\
        长清区教育和体育局\n\
        \n\
        关于印发《长清区义务教育优质均衡发展\n\
        \n\
        三年行动实施方案》的通知\n\
        \n\
        长教体字\u{ff08}2023\u{ff09}15号\n\
        \n\
        各中小学:\n\
        现将《长清区义务教育优质均衡发展三年行动实施方案》印发给你们,请认真贯彻执行。\n\
        \n\
        长清区教育和体育局 2023年4月6日\n\
        \n\
        一、工作目标\n";
    let m = meta(text);
    assert_eq!(
        m.title.as_deref(),
        Some("长清区义务教育优质均衡发展三年行动实施方案")
    );
    assert_eq!(m.issuer.as_deref(), Some("长清区教育和体育局"));
    assert_eq!(m.doc_number.as_deref(), Some("长教体字〔2023〕15号"));
    assert_eq!(m.date.as_deref(), Some("2023-04-06"));
    assert_eq!(m.kind.as_deref(), Some("实施方案"));
    assert_eq!(m.period, None);
    assert_eq!(county(&m), Some("长清区"));
}

#[test]
fn covering_notice_without_place_uses_credit_code() {
    // 370124 is 平阴县; the index number carries a valid credit code.
    let text = "索引号:11370124004209020U/2021-4656593\n\
        县政府办公室关于印发全县教育工作要点的通知\n\
        各镇人民政府:\n\
        《全县教育工作要点》已经县政府同意,现印发给你们。\n\
        县政府办公室\n\
        2021-03-02\n\
        全县教育工作要点\n\
        我县将继续推进教育改革。全县学校……\n";
    let m = meta(text);
    assert_eq!(m.title.as_deref(), Some("全县教育工作要点"));
    assert_eq!(m.issuer.as_deref(), Some("县政府办公室"));
    assert_eq!(m.date.as_deref(), Some("2021-03-02"));
    assert_eq!(m.kind.as_deref(), Some("工作要点"));
    let r = m.region.unwrap();
    assert_eq!(r.county.as_deref(), Some("平阴县"));
    assert_eq!(r.code.as_deref(), Some("370124"));
}

#[test]
fn own_title_after_chrome_with_source_line() {
    let text = "首页\n>政务公开>教育\n\n2020年全市教育工作要点\n\n\
        时间:2020年03月01日 09:00 来源:乳山市人民政府 浏览次数:\n\
        2020年全市教育工作总的要求是,推动教育高质量发展。\n\
        一、提升办学水平\n";
    let m = meta(text);
    assert_eq!(m.title.as_deref(), Some("2020年全市教育工作要点"));
    // The page's source and time stand in for the issuer and date the document lacks, and
    // say so.
    assert_eq!(m.issuer.as_deref(), Some("乳山市人民政府"));
    assert_eq!(m.date.as_deref(), Some("2020-03-01"));
    assert_eq!(m.from_page, ["date", "issuer"]);
    assert_eq!(m.doc_number, None);
    assert_eq!(m.kind.as_deref(), Some("工作要点"));
    assert_eq!(m.period, None);
    let r = m.region.unwrap();
    assert_eq!(r.county.as_deref(), Some("乳山市"));
    assert_eq!(r.city.as_deref(), Some("威海市"));
}

#[test]
fn own_title_with_period_on_next_line() {
    let text = "历城区教育事业发展“十四五”规划\n(2021—2025年)\n\
        为加快教育现代化,编制本规划。\n一、发展基础\n";
    let m = meta(text);
    assert_eq!(
        m.title.as_deref(),
        Some("历城区教育事业发展“十四五”规划(2021—2025年)")
    );
    assert_eq!(county(&m), Some("历城区"));
    let p = m.period.unwrap();
    assert_eq!(
        (p.name.as_deref(), p.start, p.end),
        (Some("十四五"), 2021, 2025)
    );
}

#[test]
fn title_broken_before_its_kind() {
    let text = "创建省级学前教育普及普惠县\n实施方案\n为推进学前教育发展,制定本方案。\n";
    let m = meta(text);
    assert_eq!(
        m.title.as_deref(),
        Some("创建省级学前教育普及普惠县实施方案")
    );
    assert_eq!(m.kind.as_deref(), Some("实施方案"));
    assert_eq!(m.region, None);
}

#[test]
fn page_header_title_and_most_mentioned_county() {
    let text = "推进乡村教育振兴_第1页\n推进乡村教育振兴_第2页\n全文预览已结束\n下载本文档\n\
        近年来,成县持续推进乡村教育振兴,建成县级教研平台。成县实验小学教育集团成立,提高县域教育质量。\n";
    let m = meta(text);
    assert_eq!(m.title.as_deref(), Some("推进乡村教育振兴"));
    assert_eq!(m.kind, None);
    assert_eq!(m.period, None);
    let r = m.region.unwrap();
    assert_eq!(r.county.as_deref(), Some("成县"));
    assert_eq!(r.province.as_deref(), Some("甘肃省"));
}

#[test]
fn shared_county_name_resolved_by_city_in_text() {
    let text = "鼓楼区“十四五”教育发展规划\n\
        根据《福州市“十四五”教育发展专项规划》,结合鼓楼区实际,编制本规划。福州市教育局指导……\n";
    let r = meta(text).region.unwrap();
    assert_eq!(r.county.as_deref(), Some("鼓楼区"));
    assert_eq!(r.city.as_deref(), Some("福州市"));
    assert_eq!(r.province.as_deref(), Some("福建省"));

    let text = "朝阳区教育工作要点\n全面落实北京市教育工作会议精神,推进朝阳区教育发展。\n";
    let r = meta(text).region.unwrap();
    assert_eq!(r.city.as_deref(), Some("北京市"));

    let text = "朝阳区教育工作要点\n落实吉林省、长春市部署,推进朝阳区教育发展。\n";
    let r = meta(text).region.unwrap();
    assert_eq!(r.city.as_deref(), Some("长春市"));
}

#[test]
fn county_named_only_as_our_county_gives_nothing() {
    let text = "教育事业发展规划\n我县坚持教育优先发展。全县学校达到标准,县域均衡。\n";
    let m = meta(text);
    assert_eq!(m.region, None);
    assert_eq!(m.title.as_deref(), Some("教育事业发展规划"));
}

#[test]
fn ordinary_opinion_with_signature_at_the_end() {
    let text = "宁阳县人民政府关于加快发展学前教育的意见\n\
        宁政发〔2019〕3号\n\
        各乡镇人民政府:\n为加快发展学前教育,提出如下意见。\n一、总体要求\n坚持公益普惠。\n\
        宁阳县人民政府\n2019年2月28日\n";
    let m = meta(text);
    assert_eq!(
        m.title.as_deref(),
        Some("宁阳县人民政府关于加快发展学前教育的意见")
    );
    assert_eq!(m.issuer.as_deref(), Some("宁阳县人民政府"));
    assert_eq!(m.doc_number.as_deref(), Some("宁政发〔2019〕3号"));
    assert_eq!(m.date.as_deref(), Some("2019-02-28"));
    assert_eq!(m.kind.as_deref(), Some("意见"));
    assert_eq!(county(&m), Some("宁阳县"));
}

#[test]
fn stated_period_of_a_plan() {
    let text = "教育现代化发展规划\n本规划期为2021—2025年,展望到2035年。\n";
    let p = meta(text).period.unwrap();
    assert_eq!(
        (p.name.as_deref(), p.start, p.end),
        (Some("2021-2025"), 2021, 2025)
    );
}

#[test]
fn spam_and_tool_lines_never_become_the_title() {
    let text = "在线观看免费视频 精品资源 最新电影\n字号:\n打印\n分享到微信\n\
        这是一段没有标题的正文,内容较长,说明一些情况。\n";
    let m = meta(text);
    assert_eq!(m.title, None);
    assert_eq!(m.kind, None);
}

#[test]
fn cited_notice_inside_a_sentence_is_not_the_document() {
    let text =
        "某某教育发展规划\n根据《省政府办公厅关于印发教育强省建设方案的通知》要求,编制本规划。\n";
    let m = meta(text);
    assert_eq!(m.title.as_deref(), Some("某某教育发展规划"));
    assert_eq!(m.kind.as_deref(), Some("规划"));
}

#[test]
fn never_panics_on_odd_input() {
    for text in [
        "",
        "\n\n\n",
        "关于印发",
        "关于印发的通知",
        "《》已经同意,现印发给你们",
        "2021年\n二〇年十月\n〔2021〕号",
        "平阴\u{0}县",
        "_第1页",
    ] {
        let _ = meta(text);
    }
}

#[test]
fn red_head_masthead_names_the_issuer() {
    let text = "东平县教育和体育局文件\n东教体发〔2022〕9号\n\
        东平县中小学课后服务管理办法(试行)\n\
        第一条 为规范课后服务,制定本办法。\n第二条 本办法适用于全县中小学。\n";
    let m = meta(text);
    assert_eq!(
        m.title.as_deref(),
        Some("东平县中小学课后服务管理办法(试行)")
    );
    assert_eq!(m.issuer.as_deref(), Some("东平县教育和体育局"));
    assert_eq!(m.doc_number.as_deref(), Some("东教体发〔2022〕9号"));
    assert_eq!(m.kind.as_deref(), Some("办法"));
    assert_eq!(m.date, None);
    assert_eq!(county(&m), Some("东平县"));
}

#[test]
fn menu_lines_and_cited_numbers_are_not_read() {
    let text = "政策文件 规划计划 工作要点 通知公告\n\
        某某区教育督导工作要点\n\
        今年督导工作的总体要求是,围绕中心,服务大局。\n\
        一、依据文件\n\
        文件名称\n文号\n\
        关于加强教育督导的意见\n国办发〔2020〕1号\n";
    let m = meta(text);
    assert_eq!(m.title.as_deref(), Some("某某区教育督导工作要点"));
    assert_eq!(m.doc_number, None);
}

#[test]
fn notice_printing_several_documents_is_the_document() {
    let text = "某县人民政府关于印发《某县教育督导办法》《某县督学管理办法》的通知\n\
        各乡镇:\n现将两个办法印发给你们,请遵照执行。\n";
    let m = meta(text);
    assert_eq!(
        m.title.as_deref(),
        Some("关于印发《某县教育督导办法》《某县督学管理办法》的通知")
    );
    assert_eq!(m.kind.as_deref(), Some("通知"));
    assert_eq!(m.issuer.as_deref(), Some("某县人民政府"));
}

#[test]
fn labelled_metadata_table_of_a_disclosure_page() {
    let text = "索 引 号:11370124004209020U/2021-00012\n主题分类:教育\n\
        发文机关:平阴县教育和体育局\n成文日期:2021年03月05日\n\
        发文字号:平教体字[2021]5号\n发布日期:2021-03-08\n\
        标  题:平阴县教育和体育局关于印发2021年全县教育工作要点的通知\n";
    let m = meta(text);
    assert_eq!(m.title.as_deref(), Some("2021年全县教育工作要点"));
    assert_eq!(m.issuer.as_deref(), Some("平阴县教育和体育局"));
    assert_eq!(m.doc_number.as_deref(), Some("平教体字〔2021〕5号"));
    assert_eq!(m.date.as_deref(), Some("2021-03-05"));
    assert_eq!(m.kind.as_deref(), Some("工作要点"));
    assert_eq!(county(&m), Some("平阴县"));
}

#[test]
fn byline_under_an_own_title() {
    let text = "槐荫区“十四五”学前教育发展规划\n槐荫区教育和体育局\n2021年12月\n\
        为推进学前教育发展,编制本规划。\n";
    let m = meta(text);
    assert_eq!(m.title.as_deref(), Some("槐荫区“十四五”学前教育发展规划"));
    assert_eq!(m.issuer.as_deref(), Some("槐荫区教育和体育局"));
    assert_eq!(m.date.as_deref(), Some("2021-12"));

    let text = "槐荫区“十四五”学前教育发展规划\n槐荫区教育和体育局 二〇二一年十二月\n正文。\n";
    let m = meta(text);
    assert_eq!(m.issuer.as_deref(), Some("槐荫区教育和体育局"));
    assert_eq!(m.date.as_deref(), Some("2021-12"));

    // A web page's time line under the title is no byline: it dates the page, which
    // stands in for the document's date, marked as the page's.
    let text = "槐荫区学前教育发展规划\n发布时间:2021-12-08\n正文。\n";
    let m = meta(text);
    assert_eq!((m.issuer, m.date.as_deref()), (None, Some("2021-12-08")));
    assert_eq!(m.from_page, ["date"]);
}

#[test]
fn number_after_the_notice_title_and_a_cut_issuer() {
    let text = "阴县人民政府办公室关于印发平阴县学前教育行动方案的通知(平政办字〔2022〕4号)\n\
        各镇人民政府:\n《平阴县学前教育行动方案》已经县政府同意,现印发给你们。\n\
        平阴县人民政府办公室\n2022年2月1日\n";
    let m = meta(text);
    assert_eq!(m.title.as_deref(), Some("平阴县学前教育行动方案"));
    assert_eq!(m.doc_number.as_deref(), Some("平政办字〔2022〕4号"));
    assert_eq!(m.issuer.as_deref(), Some("平阴县人民政府办公室"));
    assert_eq!(m.date.as_deref(), Some("2022-02-01"));
}

#[test]
fn cited_notices_listed_in_the_body_are_not_the_document() {
    let text = "某县教育事业发展规划\n一、编制依据\n\
        1.国务院关于印发国家教育事业发展“十三五”规划的通知\n\
        2.省政府关于印发教育强省建设方案的通知\n二、发展目标\n";
    let m = meta(text);
    assert_eq!(m.title.as_deref(), Some("某县教育事业发展规划"));
    assert_eq!(m.issuer, None);
    assert_eq!(m.kind.as_deref(), Some("规划"));
}

#[test]
fn kind_stated_by_the_document_itself() {
    let text = "创建全国义务教育优质均衡发展县\n为推动义务教育优质均衡发展,制定本方案。\n";
    let m = meta(text);
    assert_eq!(m.kind.as_deref(), Some("实施方案"));
    let text = "切实推动教育均衡发展\n近年来,全县坚持教育优先发展,办好每一所学校。\n";
    assert_eq!(meta(text).kind, None);
    // A work report read out without its title line.
    let text = "各位代表:\n现在,我代表县人民政府,向大会报告工作,请予审议。\n一、过去一年工作回顾\n";
    assert_eq!(meta(text).kind.as_deref(), Some("政府工作报告"));
    let text = "各位代表:\n县人民政府向大会提交了议案。\n";
    assert_eq!(meta(text).kind, None);
    // A preamble that announces what follows.
    let text = "各乡镇人民政府,县直各部门:\n为加强农村供水保障,经县政府同意,提出如下实施意见。\n一、总体要求\n";
    assert_eq!(meta(text).kind.as_deref(), Some("意见"));
    let text = "各学校:\n为做好秋季开学工作,现将有关事项通知如下:\n一、时间安排\n";
    assert_eq!(meta(text).kind.as_deref(), Some("通知"));
}

#[test]
fn notice_known_only_from_its_body() {
    for body in [
        "《某县课后服务实施方案》已经县政府同意,现印发给你们,请认真贯彻执行。",
        "现将《某县课后服务实施方案》印发给你们,请认真贯彻执行。",
    ] {
        let text = format!("各中小学:\n{body}\n某县教育局\n2023年9月1日\n");
        let m = meta(&text);
        assert_eq!(m.title.as_deref(), Some("某县课后服务实施方案"), "{body}");
        assert_eq!(m.issuer.as_deref(), Some("某县教育局"));
        assert_eq!(m.date.as_deref(), Some("2023-09-01"));
        assert_eq!(m.kind.as_deref(), Some("实施方案"));
    }
}

#[test]
fn title_after_a_long_navigation_block() {
    let mut text = String::new();
    for i in 0..60 {
        text.push_str(&format!("栏目{i}\n"));
    }
    text.push_str("高青县2022年教育工作要点\n2022年,全县教育工作的总体要求是,办好人民满意的教育。\n一、重点任务\n");
    let m = meta(&text);
    assert_eq!(m.title.as_deref(), Some("高青县2022年教育工作要点"));
    assert_eq!(county(&m), Some("高青县"));
}

#[test]
fn issuer_on_the_line_above_a_guanyu_title() {
    let text = "桓台县教育和体育局\n关于2022年教育工作情况的报告\n\
        2022年,我局坚持教育优先发展,现将有关情况报告如下。\n";
    let m = meta(text);
    assert_eq!(m.title.as_deref(), Some("关于2022年教育工作情况的报告"));
    assert_eq!(m.issuer.as_deref(), Some("桓台县教育和体育局"));
    assert_eq!(m.kind.as_deref(), Some("报告"));
    assert_eq!(county(&m), Some("桓台县"));

    // A site name above a title that does not start with 关于 is no issuer.
    let text = "桓台县人民政府\n2022年全县教育工作要点\n全县教育工作的总体要求是,办好教育。\n";
    assert_eq!(meta(text).issuer, None);
}

#[test]
fn later_copy_of_the_notice_fills_in_the_date() {
    let text = "某县人民政府办公室关于印发某县校园安全工作方案的通知\n\
        字号:\n打印\n\
        某县人民政府办公室\n关于印发某县校园安全工作方案的通知\n\
        某政办发〔2023〕2号\n各镇人民政府:\n\
        《某县校园安全工作方案》已经县政府同意,现印发给你们。\n\
        某县人民政府办公室\n2023年3月1日\n";
    let m = meta(text);
    assert_eq!(m.title.as_deref(), Some("某县校园安全工作方案"));
    assert_eq!(m.issuer.as_deref(), Some("某县人民政府办公室"));
    assert_eq!(m.date.as_deref(), Some("2023-03-01"));
    assert_eq!(m.doc_number.as_deref(), Some("某政办发〔2023〕2号"));
}

#[test]
fn book_title_marks_around_an_own_title_are_dropped() {
    let m = meta("《某县教育信息化发展规划》\n为推进教育信息化,编制本规划。\n");
    assert_eq!(m.title.as_deref(), Some("某县教育信息化发展规划"));
    let m = meta("《某县教育信息化发展规划》政策解读\n近日,某县印发教育信息化发展规划,现将主要内容解读如下。\n");
    assert_eq!(
        m.title.as_deref(),
        Some("《某县教育信息化发展规划》政策解读")
    );
    assert_eq!(m.kind, None, "a reading of a plan is not the plan");
}

#[test]
fn coarse_region_narrowed_only_by_consistent_evidence() {
    // A provincial site republished a county's points: the county the text names wins.
    let text = "2021年教育工作要点\n来源:山东省教育厅\n\
        2021年,平阴县教育工作的总体要求是,推进优质均衡。平阴县将新建学校3所。\n一、重点\n";
    let r = meta(text).region.unwrap();
    assert_eq!(r.county.as_deref(), Some("平阴县"));
    // The county named must lie inside the source's region.
    let text = "2021年教育工作要点\n来源:山西省教育厅\n\
        2021年,平阴县教育工作的总体要求是,推进优质均衡。平阴县将新建学校3所。\n一、重点\n";
    let r = meta(text).region.unwrap();
    assert_eq!((r.county, r.province.as_deref()), (None, Some("山西省")));
    // A city-level title is not narrowed by counties the text lists.
    let text = "济南市学前教育发展规划\n平阴县、平阴县、商河县各建幼儿园,编制本规划。\n";
    let r = meta(text).region.unwrap();
    assert_eq!((r.county, r.city.as_deref()), (None, Some("济南市")));
}

#[test]
fn chrome_words_inside_real_titles() {
    for title in [
        "某县民办学校备案管理办法",
        "某县中小学生学籍注册管理办法",
        "某县2022年政府信息公开工作年度报告",
    ] {
        let text = format!("{title}\n为规范管理,根据有关规定,结合本县实际,制定本办法。\n");
        assert_eq!(meta(&text).title.as_deref(), Some(title));
    }
}

#[test]
fn news_of_a_plan_names_the_plan_not_the_headline_or_the_photo_caption() {
    let text = "浙江湖州:启动“双减”提质行动\n\
        来源:某某教育网作者:某某 2022-06-01 09:12:30\n\
        (现场照片)\n\
        近日,浙江省湖州市印发《湖州市“双减”提质行动方案》,推动课后服务提质扩面。\n\
        湖州市将新增课后服务点一百个,实现城乡全覆盖。\n";
    let m = meta(text);
    // The article reports the plan it names: the record describes the plan.
    assert_eq!(m.title.as_deref(), Some("湖州市“双减”提质行动方案"));
    assert_eq!(m.kind.as_deref(), Some("实施方案"));
    let r = m.region.unwrap();
    assert_eq!(r.city.as_deref(), Some("湖州市"));
    assert_eq!(r.county, None);
}

#[test]
fn prefecture_notice_names_no_county() {
    let text = "恩施州人民政府办公室关于印发恩施州学前教育提升方案的通知\n\
        各县(市)人民政府,州政府各部门:\n\
        《恩施州学前教育提升方案》已经州人民政府同意,现印发给你们。\n\
        恩施州人民政府办公室\n\
        2020年3月2日\n\
        为推进全州学前教育发展,到2022年,全州实现县域内普惠园全覆盖。\n";
    let m = meta(text);
    let r = m.region.unwrap();
    assert_eq!(r.city.as_deref(), Some("恩施土家族苗族自治州"));
    assert_eq!(r.province.as_deref(), Some("湖北省"));
    assert_eq!(r.county, None);
}

#[test]
fn government_work_reports_by_their_delivery_line() {
    // Spaced-out title, delivery line broken over two lines, speaker line naming the issuer.
    let text = "政 府 工 作 报 告\n——2024年1月18日在岭南县第十八届\n人民代表大会第三次会议上\n\
        岭南县人民政府县长 王某\n各位代表:\n一、2023年工作回顾\n";
    let m = meta(text);
    assert_eq!(m.title.as_deref(), Some("政府工作报告"));
    assert_eq!(m.kind.as_deref(), Some("政府工作报告"));
    assert_eq!(m.date.as_deref(), Some("2024-01-18"));
    assert_eq!(m.issuer.as_deref(), Some("岭南县人民政府"));
    // The date in brackets under the delivery line; a page stamp is not the report's date.
    let text =
        "发布日期:2026-03-10\n2026年政府工作报告\n——在青溪市第三届人民代表大会第六次会议上\n\
        (2026年2月27日)\n各位代表:\n";
    let m = meta(text);
    assert_eq!(m.date.as_deref(), Some("2026-02-27"));
    assert_eq!(m.kind.as_deref(), Some("政府工作报告"));
    // A whole report on one line, its issuer from the congress it speaks to.
    let text = "政府工作报告——2021年3月2日在柳河县第十七届人民代表大会第六次会议上各位代表:现在,我代表县人民政府报告工作。";
    let m = meta(text);
    assert_eq!(m.date.as_deref(), Some("2021-03-02"));
    assert_eq!(m.issuer.as_deref(), Some("柳河县人民政府"));
}

#[test]
fn news_pages_dated_by_their_byline() {
    let text = "首页 > 新闻中心\n岭山县高标准农田建设再提速\n2023-05-13 10:44:00 来源: 岭山日报 作者: 李某\n\
        记者从县农业农村局获悉,今年全县计划新建高标准农田3万亩。\n";
    let m = meta(text);
    assert_eq!(m.title.as_deref(), Some("岭山县高标准农田建设再提速"));
    assert_eq!(m.date.as_deref(), Some("2023-05-13"));
    assert!(m.from_page.is_empty(), "a news article's byline is its own");
    // An official document's page stamp stands in for its date, marked as the page's...
    let text = "2021年全县教育工作要点\n发布时间:2021-04-15 来源:县教育局\n一、重点工作\n";
    let m = meta(text);
    assert_eq!(m.date.as_deref(), Some("2021-04-15"));
    assert_eq!(m.issuer.as_deref(), Some("县教育局"));
    assert_eq!(m.from_page, ["date", "issuer"]);
    // ...unless the page went up after the year the document plans for: a repost.
    let text = "2019年全县教育工作要点\n发布时间:2021-04-15 来源:县教育局\n一、重点工作\n";
    let m = meta(text);
    assert_eq!((m.date, m.issuer), (None, None));
}

#[test]
fn labels_in_pipe_tables_and_law_databases() {
    let text = "[ 发文字号 ] | 渝岭府发〔2022〕8号 |\n[ 成文日期 ] | 2022-08-17 | [ 发布日期 ] | 2022-11-23 |\n\
        文件名称 | 岭山区“十四五”科技创新规划 | ||\n岭山区“十四五”科技创新规划\n一、发展基础\n";
    let m = meta(text);
    assert_eq!(m.doc_number.as_deref(), Some("渝岭府发〔2022〕8号"));
    assert_eq!(m.date.as_deref(), Some("2022-08-17"));
    assert_eq!(m.title.as_deref(), Some("岭山区“十四五”科技创新规划"));
    let text = "梅岭市人民政府关于加快学前教育发展的若干意见文章属性•【制定机关】梅岭市人民政府•【公布日期】2005.02.01•【字号】梅政函[2005]39号•【效力等级】地方规范性文件\n";
    let m = meta(text);
    assert_eq!(m.issuer.as_deref(), Some("梅岭市人民政府"));
    assert_eq!(m.date.as_deref(), Some("2005-02-01"));
    assert_eq!(m.doc_number.as_deref(), Some("梅政函〔2005〕39号"));
}

#[test]
fn titles_lose_the_site_s_wrapping() {
    let clean = |t: &str| {
        let c = clean_title(t);
        (c.title, c.number, c.date)
    };
    assert_eq!(
        clean("(江西省)宜春市樟树市国民经济和社会发展十四五规划(2022年更新)"),
        (
            "宜春市樟树市国民经济和社会发展十四五规划".to_owned(),
            None,
            None
        )
    );
    assert_eq!(
        clean("池州市人民政府关于创优营商环境的实施意见(池政〔2017〕101号)"),
        (
            "池州市人民政府关于创优营商环境的实施意见".to_owned(),
            Some("池政〔2017〕101号".to_owned()),
            None
        )
    );
    assert_eq!(
        clean("某县教育规划(2021—2025年)"),
        ("某县教育规划(2021—2025年)".to_owned(), None, None)
    );
    // The date a document was adopted, in brackets after its title.
    assert_eq!(
        clean("中共某省委 某省人民政府关于推进乡村振兴的实施意见(2023年3月2日)"),
        (
            "中共某省委 某省人民政府关于推进乡村振兴的实施意见".to_owned(),
            None,
            Some("2023-03-02".to_owned())
        )
    );
    assert_eq!(
        fields::kind_of("关于促进民营经济发展的若干措施"),
        Some("措施")
    );
    assert_eq!(fields::kind_of("2024年县交通局工作意见"), Some("工作要点"));
}

#[test]
fn metadata_table_without_colons() {
    let text = "索引号 1234567/2023-01234\n\
        发文字号青政办发〔2023〕17号 发布日期2023-08-01\n\
        发文机关青田县人民政府办公室 主题词乡村\n\
        文件编号 青政办发〔2023〕99号\n\
        关于印发青田县乡村旅游提升实施方案的通知\n\
        各乡镇人民政府,县直各有关部门:\n\
        现将方案印发给你们,请认真贯彻落实。\n";
    let m = meta(text);
    assert_eq!(m.doc_number.as_deref(), Some("青政办发〔2023〕17号"));
    assert_eq!(m.issuer.as_deref(), Some("青田县人民政府办公室"));
}

#[test]
fn official_page_without_signature_takes_its_bylines_source_and_date() {
    let text = "首页 > 信息公开 > 部门文件\n\
        某区交通局2022年交通综合治理行动计划\n\
        日期:2022-06-01 17:25    来源:某区交通局\n\
        为推动交通综合治理取得新成效,制定本行动计划。\n\
        一、指导思想\n";
    let m = meta(text);
    assert_eq!(m.kind.as_deref(), Some("实施方案"));
    assert_eq!(m.date.as_deref(), Some("2022-06-01"));
    assert_eq!(m.issuer.as_deref(), Some("某区交通局"));
}

#[test]
fn column_tag_before_a_title_is_dropped() {
    let m = meta("【上级政策】东湾市“十四五”农业农村现代化规划\n“十四五”时期是全市农业农村发展的关键时期。\n");
    assert_eq!(m.title.as_deref(), Some("东湾市“十四五”农业农村现代化规划"));
}

#[test]
fn a_shared_files_extension_is_no_part_of_its_title() {
    let m = meta("某县小型农田水利工程建设规划.docx\n为加强农田水利建设,编制本规划。\n");
    assert_eq!(m.title.as_deref(), Some("某县小型农田水利工程建设规划"));
    assert_eq!(m.kind.as_deref(), Some("规划"));
}

#[test]
fn an_honour_named_after_counties_is_no_place() {
    let text = "绍兴市越城区国民经济和社会发展第十四个五年规划纲要\n\
        越城区连续五年获评省平安县(市、区),越城区将建设平安越城。\n";
    let r = meta(text).region.unwrap();
    assert_eq!(r.county.as_deref(), Some("越城区"));
    let text = "某某工作简报\n我县再次获评全省平安县(市、区)与文明县(市区)。\n";
    assert!(meta(text).region.is_none_or(|r| r.county.is_none()));
}

#[test]
fn news_of_a_report_and_of_a_provincial_plan() {
    // A congress's news: the report delivered is the document.
    let m = meta("某市第十届人民代表大会第三次会议开幕\n市长某某向大会作政府工作报告。\n");
    assert_eq!(m.kind.as_deref(), Some("政府工作报告"));
    assert_eq!(m.title.as_deref(), Some("政府工作报告"));
    // A report's speaker names the government.
    let m = meta("各位代表:\n现在,我代表青溪县人民政府,向大会作政府工作报告,请予审议。\n");
    assert_eq!(m.issuer.as_deref(), Some("青溪县人民政府"));
    assert_ne!(
        m.title.as_deref(),
        Some("现在,我代表青溪县人民政府,向大会作政府工作报告")
    );
    // 我省 in a headline: the body cites the title in full.
    let m = meta(
        "我省印发“十四五”推进农业农村现代化规划\n\
        近日,省政府印发《甘肃省“十四五”推进农业农村现代化规划》(以下简称《规划》)。\n",
    );
    assert_eq!(
        m.title.as_deref(),
        Some("甘肃省“十四五”推进农业农村现代化规划")
    );
}

#[test]
fn report_page_without_its_head_is_a_work_report() {
    let text = "三、今年的工作安排\n今年是规划的关键之年。县政府工作的总体要求是:坚持稳中求进。\n\
        主要预期目标是:地区生产总值增长6%左右。\n";
    assert_eq!(meta(text).kind.as_deref(), Some("政府工作报告"));
}

#[test]
fn news_of_what_a_report_sets_out_describes_the_report() {
    let text = "古城的新一年“任务书”\n发布时间:2024-03-02 08:00 来源:某某网\n\
        今年的太谷区政府工作报告中,明确了全年经济社会发展的主要目标。\n\
        全区地区生产总值增长6%左右。\n";
    let m = meta(text);
    assert_eq!(m.kind.as_deref(), Some("政府工作报告"));
    assert_eq!(m.title.as_deref(), Some("政府工作报告"));
}

#[test]
fn a_report_is_issued_by_the_government_not_the_office_that_posts_it() {
    let text = "发文机关: 市政府办公室\n成文日期: 2024-03-11\n政府工作报告(2024年)\n\
        2024年2月27日在宜春市第五届人民代表大会第四次会议上\n市长 某某\n各位代表:\n\
        现在,我代表市人民政府向大会报告工作,请予审议。\n";
    let m = meta(text);
    assert_eq!(m.issuer.as_deref(), Some("宜春市人民政府"));
    // A congress opening reported in the news names the government too.
    let text = "1月16日,延吉市第十九届人民代表大会第五次会议开幕。\n\
        市长代表市人民政府作政府工作报告。\n";
    assert_eq!(meta(text).issuer.as_deref(), Some("延吉市人民政府"));
}

#[test]
fn notice_with_numbered_paragraphs_keeps_its_signature() {
    let text = "关于印发《2023年区政府工作报告重点工作分工方案》的通知\n\
        各镇人民政府,区政府各委、办、局:\n\
        《2023年区政府工作报告重点工作分工方案》已经区政府常务会研究通过,现印发给你们。\n\
        一、提高站位,强化担当。各部门要把落实重点工作作为首要任务,确保按时完成。\n\
        二、加强协作,形成合力。各部门要建立定期调度机制,及时报告进展情况。\n\
        北京市顺义区人民政府办公室\n2023年3月3日\n\
        2023年区政府工作报告重点工作分工方案\n一、主要预期目标\n";
    let m = meta(text);
    assert_eq!(m.issuer.as_deref(), Some("北京市顺义区人民政府办公室"));
    assert_eq!(m.date.as_deref(), Some("2023-03-03"));
}

#[test]
fn labelled_number_with_a_space_before_its_hao() {
    let text =
        "发文序号:京顺政办发〔2023〕2 号\n成文日期:2023年3月3日\n标题:关于印发某方案的通知\n";
    assert_eq!(
        meta(text).doc_number.as_deref(),
        Some("京顺政办发〔2023〕2号")
    );
}

#[test]
fn a_repeated_title_finds_its_issuer_above_the_second_copy() {
    let text = "首页 > 政府文件\n关于推进健康兰考行动的实施意见\n时间:2024-01-01 来源:兰考县政府\n\
        兰政〔2020〕13号\n兰考县人民政府\n关于推进健康兰考行动的实施意见\n\
        各乡镇人民政府:\n为贯彻落实上级文件精神,提出如下意见。\n";
    assert_eq!(meta(text).issuer.as_deref(), Some("兰考县人民政府"));
}

#[test]
fn news_of_a_plan_names_its_joint_issuers_and_headline_kind() {
    let text = "记者昨日获悉,市水务局、市发改委近日联合印发了《芜湖市水利发展“十四五”规划》。\n\
        规划提出,到2025年全市防洪能力全面提升。\n";
    let m = meta(text);
    assert_eq!(m.title.as_deref(), Some("芜湖市水利发展“十四五”规划"));
    assert_eq!(m.issuer.as_deref(), Some("市水务局、市发改委"));
    let text = "无锡江阴市十四五规划出炉!\n今后五年,全市发展面临新的机遇。\n";
    assert_eq!(meta(text).kind.as_deref(), Some("规划"));
}

#[test]
fn a_campaign_named_after_its_place_gives_the_region() {
    let text =
        "健康老边行动实施方案\n为贯彻落实营口市有关文件精神,结合我区实际,特制定本实施方案。\n";
    assert_eq!(county(&meta(text)), Some("老边区"));
}

#[test]
fn a_five_year_span_is_named_by_its_plan() {
    let text = "为明确“十四五”时期全区民政事业发展目标,编制本规划。\n规划期限:2021-2025年。\n一、规划背景\n";
    let m = meta(text);
    assert_eq!(
        m.period.as_ref().and_then(|p| p.name.as_deref()),
        Some("十四五")
    );
}
