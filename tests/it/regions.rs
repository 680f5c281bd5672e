//! `meta.region`: the 6-digit GB/T 2260 code and the level, for documents of county, city and
//! province governments across provinces, and for a county named by a name it gave up.

use planmine::records::Region;

/// A one-line notice issued by `issuer` about a plan titled `title`, with one goal so the
/// document is an ordinary plan.
fn region_of(title: &str) -> Region {
    let text = format!("{title}\n\n一、总体目标\n到2025年,森林覆盖率达到30%。\n");
    let doc = planmine::process("notice.txt", text.as_bytes());
    doc.meta
        .and_then(|m| m.region)
        .unwrap_or_else(|| panic!("no region for {title}"))
}

#[test]
fn codes_are_six_digits_at_every_level_in_many_provinces() {
    // (title, code, level): county, city and province governments of 14 provinces.
    let cases = [
        (
            "平阴县人民政府关于印发平阴县“十四五”卫生健康规划的通知",
            "370124",
            "county",
        ),
        (
            "济南市人民政府关于印发济南市“十四五”生态环境保护规划的通知",
            "370100",
            "city",
        ),
        (
            "湖北省人民政府关于印发湖北省教育事业发展“十四五”规划的通知",
            "420000",
            "province",
        ),
        (
            "宝鸡市人民政府办公室关于印发宝鸡市“十四五”卫生健康事业发展规划的通知",
            "610300",
            "city",
        ),
        (
            "徽县人民政府关于印发徽县乡村振兴实施方案的通知",
            "621227",
            "county",
        ),
        (
            "迎泽区人民政府关于印发迎泽区2024年工作要点的通知",
            "140106",
            "county",
        ),
        (
            "广州市天河区人民政府关于印发天河区生态环境保护“十四五”规划的通知",
            "440106",
            "county",
        ),
        (
            "浙江省人民政府办公厅关于印发浙江省综合交通运输发展“十四五”规划的通知",
            "330000",
            "province",
        ),
        (
            "黔东南州人民政府关于印发黔东南州“十四五”民政事业发展规划的通知",
            "522600",
            "city",
        ),
        (
            "北京市海淀区人民政府关于印发海淀区“十四五”时期教育改革和发展规划的通知",
            "110108",
            "county",
        ),
        (
            "四川省人民政府关于印发四川省“十四五”推进农业农村现代化规划的通知",
            "510000",
            "province",
        ),
        (
            "呼和浩特市人民政府关于印发呼和浩特市“十四五”综合交通运输发展规划的通知",
            "150100",
            "city",
        ),
        (
            "新疆维吾尔自治区人民政府关于印发自治区“十四五”民政事业发展规划的通知",
            "650000",
            "province",
        ),
        (
            "荣成市人民政府关于印发荣成市养老服务体系建设“十四五”规划的通知",
            "371082",
            "county",
        ),
        (
            "湘潭市人民政府关于印发湘潭市“十四五”生态环境保护规划的通知",
            "430300",
            "city",
        ),
        (
            "福建省人民政府关于印发福建省“十四五”市场监管现代化规划的通知",
            "350000",
            "province",
        ),
    ];
    let mut provinces = std::collections::BTreeSet::new();
    for (title, code, level) in cases {
        let region = region_of(title);
        assert_eq!(region.code.as_deref(), Some(code), "{title}");
        let got = serde_json::to_value(region.level).expect("level serialises");
        assert_eq!(got, level, "{title}");
        provinces.insert(&code[..2]);
    }
    assert!(provinces.len() >= 10, "{provinces:?}");
}

#[test]
fn a_former_county_name_still_gets_a_code() {
    // 济阳县 became 济阳区 in 2018: an older plan names the county that no longer exists.
    let region = region_of("济阳县人民政府关于印发济阳县教育事业发展“十三五”规划的通知");
    assert_eq!(region.code.as_deref(), Some("370115"));
    assert_eq!(region.county.as_deref(), Some("济阳区"));
    assert_eq!(region.city.as_deref(), Some("济南市"));
}
