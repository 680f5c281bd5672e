//! Unit tests of the goal rules, on sentences written for them.

use super::*;
use crate::records::{Baseline, Binding, Comparator, GoalStatus, Meta, Period};
use crate::structure::{self, Column, ColumnRole, Row, Structure, Table};
use crate::text::CharIndex;

fn run_with(text: &str, meta: &Meta, structure: &Structure) -> Vec<NumericGoal> {
    let chars = CharIndex::new(text);
    let ctx = Context::new(text, structure, &chars, meta);
    extract(&ctx)
}

fn run(text: &str) -> Vec<NumericGoal> {
    run_with(text, &Meta::default(), &structure::analyze(text))
}

fn find(goals: &[NumericGoal], value: f64) -> &NumericGoal {
    goals
        .iter()
        .find(|g| (g.value - value).abs() < 1e-9)
        .unwrap_or_else(|| panic!("no goal of value {value} in {goals:#?}"))
}

#[test]
fn distributes_listed_indicators_over_listed_values() {
    let g = run("到2030年,城市入学率和农村入学率分别达到99%、95%以上。");
    assert_eq!(g.len(), 2, "{g:#?}");
    assert_eq!(g[0].indicator, "城市入学率");
    assert_eq!((g[0].value, g[0].comparator), (99.0, Comparator::Eq));
    assert_eq!(g[1].indicator, "农村入学率");
    assert_eq!((g[1].value, g[1].comparator), (95.0, Comparator::Ge));
    assert!(g
        .iter()
        .all(|x| x.year == Some(2030) && x.unit.as_deref() == Some("%")));
}

#[test]
fn one_value_shared_by_listed_rates_gives_one_goal_each() {
    let g = run("全市小学巩固率、初中巩固率均保持在100%。");
    let names: Vec<&str> = g.iter().map(|x| x.indicator.as_str()).collect();
    assert_eq!(names, ["小学巩固率", "初中巩固率"]);
    assert!(g.iter().all(|x| x.value == 100.0));
}

#[test]
fn counts_take_the_noun_after_the_number() {
    let g = run("新建3所幼儿园、2所小学。");
    assert_eq!(g.len(), 2);
    assert!(g[0].indicator.contains("幼儿园"), "{:?}", g[0].indicator);
    assert_eq!(g[1].indicator, "小学");
    assert_eq!(g[1].unit.as_deref(), Some("所"));
}

#[test]
fn list_item_before_the_number_is_the_indicator() {
    let g = run("建成实验中学、体育馆2处、图书馆1处。");
    assert_eq!(g.len(), 2);
    assert_eq!(g[0].indicator, "体育馆");
    assert_eq!(g[1].indicator, "图书馆");
}

#[test]
fn strips_time_phrases_markers_and_predicates() {
    let g = run("到2027年,力争全县学前教育普及率达到96%。");
    assert_eq!(g[0].indicator, "全县学前教育普及率");
    assert_eq!(g[0].year, Some(2027));
}

#[test]
fn years_dates_ordinals_names_and_phones_are_not_goals() {
    let text = "2021年3月15日,庆祝第35个教师节。实施“1+3”办学模式和“三个课堂”。\
                学习《关于落实5项措施的意见》。咨询电话:0631-7561234。推进教育信息化2.0版。\
                落实中央八项规定精神。开展两次专项督导。";
    let g = run(text);
    assert!(g.is_empty(), "{g:#?}");
}

#[test]
fn unitless_numbers_count_only_for_rates() {
    let g = run("校际差异率低于0.12,生师比不高于15。全县设3个片区,编号为12。");
    assert_eq!(g.len(), 3, "{g:#?}");
    assert_eq!(
        (g[0].value, g[0].comparator, g[0].unit.clone()),
        (0.12, Comparator::Lt, None)
    );
    assert_eq!((g[1].value, g[1].comparator), (15.0, Comparator::Le));
    assert_eq!(g[2].unit.as_deref(), Some("个"));
}

#[test]
fn ratios_survive_a_clause_split_at_the_colon() {
    let g = run("目前多媒体教室比达1:2,实现全覆盖。");
    assert_eq!(g.len(), 1, "{g:#?}");
    assert_eq!(g[0].value, 0.5);
    assert_eq!(g[0].status, GoalStatus::Achieved);
}

#[test]
fn reported_results_are_achieved() {
    let g =
        run("截至2020年底,全县共有幼儿园120所。目前已建成智慧教室300间。力争再建成智慧教室500间。");
    assert_eq!(find(&g, 120.0).status, GoalStatus::Achieved);
    assert_eq!(find(&g, 120.0).year, None);
    assert_eq!(find(&g, 300.0).status, GoalStatus::Achieved);
    assert_eq!(find(&g, 500.0).status, GoalStatus::Target);
}

#[test]
fn a_marker_earlier_in_the_sentence_governs_later_clauses() {
    let g = run("实施学前教育行动计划,近两年来,新建幼儿园9所,普及率达到97.5%。");
    assert!(g.iter().all(|x| x.status == GoalStatus::Achieved), "{g:#?}");
}

#[test]
fn paragraph_opened_by_a_review_marker_is_achieved_unless_planned() {
    let g = run("近年来,全县教育发展迅速。新建学校14所,培训教师2300人次。确保每年培训经费占比5%。");
    assert_eq!(find(&g, 14.0).status, GoalStatus::Achieved);
    assert_eq!(find(&g, 2300.0).status, GoalStatus::Achieved);
    assert_eq!(find(&g, 5.0).status, GoalStatus::Target);
}

#[test]
fn review_sections_are_achieved_plan_sections_target() {
    let text = "一、“十三五”发展成就\n全县新建学校12所。\n二、主要目标\n全县新建学校8所。\n";
    let g = run(text);
    assert_eq!(find(&g, 12.0).status, GoalStatus::Achieved);
    assert_eq!(find(&g, 8.0).status, GoalStatus::Target);
    assert_eq!(find(&g, 8.0).section.as_deref(), Some("二"));
}

#[test]
fn a_year_opening_a_section_dates_its_subsections() {
    let text = "一、总体要求\n(一)发展目标\n到2030年,全面实现教育现代化。\n1.学前教育。学前教育普及率达到95%。\n\
                2.义务教育。巩固率达到99%。\n(二)保障措施\n学前教育普及率达到96%。\n";
    let g = run(text);
    assert_eq!(find(&g, 95.0).year, Some(2030));
    assert_eq!(find(&g, 99.0).year, Some(2030));
    assert_eq!(find(&g, 96.0).year, None);
    assert_eq!(find(&g, 99.0).section.as_deref(), Some("一/(一)/2"));
}

#[test]
fn a_year_opening_a_sentence_carries_through_its_paragraph_only() {
    let text =
        "到2028年,学前教育普及率达到95%。义务教育巩固率达到97%。\n高中阶段毛入学率达到92%。\n\
                提升保教水平,到2028年,新增幼儿园3所。持证上岗率达到90%。\n";
    let g = run(text);
    assert_eq!(find(&g, 95.0).year, Some(2028));
    assert_eq!(find(&g, 97.0).year, Some(2028));
    assert_eq!(find(&g, 92.0).year, None);
    assert_eq!(find(&g, 3.0).year, Some(2028));
    assert_eq!(find(&g, 90.0).year, None);
}

#[test]
fn plan_period_end_gives_the_year() {
    let g = run("十五五末,全市学校达到300所。");
    assert_eq!(g[0].year, Some(2030));
    assert_eq!(g[0].indicator, "全市学校");
}

#[test]
fn one_year_work_plan_dates_every_target() {
    let meta = Meta {
        title: Some("2022年全县教育工作要点".to_owned()),
        kind: Some("工作要点".to_owned()),
        ..Meta::default()
    };
    let text = "推动8所学校开展结对帮扶。落实6项惠民政策。";
    let g = run_with(text, &meta, &structure::analyze(text));
    assert_eq!(g.len(), 2);
    assert!(g.iter().all(|x| x.year == Some(2022)), "{g:#?}");
    // Without metadata the title line near the top is used.
    let text = "2023年全市教育工作要点\n落实6项惠民政策。";
    let g = run(text);
    assert_eq!(g[0].year, Some(2023));
}

#[test]
fn modifiers_of_nouns_are_not_goals() {
    let g = run("对10人以下的教学点进行撤并,动员20人以下“微型学校”学生转学。");
    assert!(g.is_empty(), "{g:#?}");
    let g = run("将不足50名学生的学校按50名学生核拨经费。");
    assert_eq!(g.len(), 1, "{g:#?}");
    assert_eq!((g[0].value, g[0].comparator), (50.0, Comparator::Eq));
    // After a list, 等N所 counts the items even before 的.
    let g = run("完成一中、二中等3所学校的改造。");
    assert_eq!(g.len(), 1, "{g:#?}");
}

#[test]
fn a_range_is_one_goal_between_its_bounds() {
    let g = run("校长每4-6年交流一次。");
    assert_eq!(g.len(), 1, "{g:#?}");
    assert_eq!(
        (g[0].value, g[0].value_high, g[0].comparator),
        (4.0, Some(6.0), Comparator::Range)
    );
    assert_eq!(g[0].unit.as_deref(), Some("年"));
}

#[test]
fn chinese_numerals_count_after_a_creation_verb() {
    let g = run("力争引进两所高校。");
    assert_eq!(g.len(), 1);
    assert_eq!((g[0].value, g[0].unit.as_deref()), (2.0, Some("所")));
}

#[test]
fn a_change_from_one_value_to_another_gives_a_baseline() {
    let g = run("目前,全县学校总数由2015年的200所调整到现在的120所。");
    assert_eq!(g.len(), 1, "{g:#?}");
    assert_eq!(g[0].value, 120.0);
    assert_eq!(g[0].indicator, "全县学校总数");
    let b = g[0].baseline.as_ref().expect("baseline");
    assert_eq!((b.value, b.year), (200.0, Some(2015)));
}

#[test]
fn money_folds_multipliers_and_amount_clauses_reuse_the_count() {
    let g = run("2018年以来,累计投入资金3.5亿元。资助学生300人次,共计15万元。");
    assert_eq!(find(&g, 350_000_000.0).unit.as_deref(), Some("元"));
    assert_eq!(find(&g, 350_000_000.0).status, GoalStatus::Achieved);
    assert_eq!(find(&g, 150_000.0).indicator, "资助学生");
}

#[test]
fn rates_keep_their_compound_unit() {
    let g = run("班主任津贴提高到600元/人•月。");
    assert_eq!(g[0].unit.as_deref(), Some("元/人•月"));
    assert_eq!(g[0].indicator, "班主任津贴");
}

#[test]
fn spans_are_char_ranges_of_the_clause() {
    let text = "一、目标\n普及率达到95%。";
    let g = run(text);
    let s = g[0].span;
    let clause: String = text.chars().skip(s[0]).take(s[1] - s[0]).collect();
    assert!(clause.contains("95%"), "{clause}");
}

fn table_structure(text: &str) -> Structure {
    let col = |header: &str, role, year| Column {
        header: header.to_owned(),
        role,
        year,
    };
    let mut s = structure::analyze(text);
    s.sentences.clear();
    s.tables.push(Table {
        caption: Some("专栏一 主要目标".to_owned()),
        columns: vec![
            col("序号", ColumnRole::Index, None),
            col("指标", ColumnRole::Name, None),
            col("2020年", ColumnRole::Value, Some(2020)),
            col("2025年", ColumnRole::Value, Some(2025)),
            col("属性", ColumnRole::Binding, None),
        ],
        rows: vec![
            Row {
                cells: ["1", "学前教育毛入园率(%)", "92.5", "95", "预期性"]
                    .map(String::from)
                    .to_vec(),
                span: 0..text.len(),
            },
            Row {
                cells: ["2", "专任教师 本科学历比例(%)", "60", "≥75", "约束性"]
                    .map(String::from)
                    .to_vec(),
                span: 0..text.len(),
            },
            Row {
                cells: ["3", "教育经费投入(万元)", "1200", "1500.5", ""]
                    .map(String::from)
                    .to_vec(),
                span: 0..text.len(),
            },
            Row {
                cells: ["4", "说明", "", "—", ""].map(String::from).to_vec(),
                span: 0..text.len(),
            },
            // A page's record fields and mojibake name no indicator.
            Row {
                cells: ["", "[发布日期]", "", "2021", ""]
                    .map(String::from)
                    .to_vec(),
                span: 0..text.len(),
            },
            Row {
                cells: ["", "*}+q6]:j9", "", "1", ""].map(String::from).to_vec(),
                span: 0..text.len(),
            },
        ],
        span: 0..text.len(),
    });
    s
}

#[test]
fn tables_give_target_baseline_binding_and_unit() {
    let text = "专栏一 主要目标";
    let g = run_with(text, &Meta::default(), &table_structure(text));
    assert_eq!(g.len(), 3, "{g:#?}");
    assert_eq!(g[0].indicator, "学前教育毛入园率");
    assert_eq!(
        (g[0].value, g[0].unit.as_deref(), g[0].year),
        (95.0, Some("%"), Some(2025))
    );
    assert_eq!(
        g[0].baseline,
        Some(Baseline {
            value: 92.5,
            year: Some(2020)
        })
    );
    assert_eq!(g[0].binding, Some(Binding::Expected));
    assert_eq!(g[0].section.as_deref(), Some("专栏一"));
    assert_eq!(g[1].indicator, "专任教师本科学历比例");
    assert_eq!(
        (g[1].comparator, g[1].binding),
        (Comparator::Ge, Some(Binding::Binding))
    );
    assert_eq!(
        (g[2].value, g[2].unit.as_deref()),
        (15_005_000.0, Some("元"))
    );
    assert_eq!(g[2].baseline.as_ref().map(|b| b.value), Some(12_000_000.0));
}

#[test]
fn table_period_comes_from_metadata_when_columns_have_no_year() {
    let meta = Meta {
        period: Some(Period {
            name: Some("十四五".to_owned()),
            start: 2021,
            end: 2025,
        }),
        ..Meta::default()
    };
    let text = "x";
    let mut s = table_structure(text);
    for c in &mut s.tables[0].columns {
        c.year = None;
    }
    s.tables[0].columns[2].header = "现状值".to_owned();
    s.tables[0].columns[3].header = "目标值".to_owned();
    let g = run_with(text, &meta, &s);
    assert_eq!(g[0].year, Some(2025));
    assert_eq!(g[0].value, 95.0);
    assert_eq!(g[0].baseline.as_ref().map(|b| b.value), Some(92.5));
}

#[test]
fn never_panics_on_odd_text() {
    for t in [
        "",
        "。",
        "1",
        "达到%",
        "由到",
        "分别达到、",
        "“1",
        "《2所",
        "1:",
        ":1",
        "百分之",
        "三分之",
        "约",
    ] {
        let _ = run(t);
    }
}

#[test]
fn examples_before_deng_are_not_the_indicator() {
    let g = run("编写《家乡风物》《话说古镇》等校本教材30多种。");
    assert_eq!(g[0].indicator, "校本教材");
    assert_eq!((g[0].value, g[0].comparator), (30.0, Comparator::Gt));
}

#[test]
fn ranks_are_not_goals() {
    assert!(run("力争中考成绩进入全市前3名。").is_empty());
}

#[test]
fn a_share_keeps_the_population_after_de() {
    let g = run("全县60%以上的学校建成智慧校园。");
    assert_eq!(g.len(), 1, "{g:#?}");
    assert_eq!((g[0].value, g[0].comparator), (60.0, Comparator::Ge));
    assert!(
        g[0].indicator.contains("学校建成智慧校园"),
        "{}",
        g[0].indicator
    );
}

#[test]
fn a_measure_before_de_measures_what_follows() {
    let g = run("乡村教师每5年接受不少于360学时的培训。");
    assert_eq!(g.len(), 1, "{g:#?}");
    assert_eq!(
        (g[0].value, g[0].unit.as_deref(), g[0].comparator),
        (360.0, Some("学时"), Comparator::Ge)
    );
}

#[test]
fn coordinated_verbs_keep_their_shared_object() {
    let g = run("新建、改扩建校舍18.5万平方米。");
    assert_eq!(g[0].indicator, "新建、改扩建校舍");
    assert_eq!(g[0].value, 185_000.0);
}

#[test]
fn a_sentence_opened_by_an_earlier_year_reports_the_past() {
    let meta = Meta {
        title: Some("2023年全县教育工作要点".to_owned()),
        ..Meta::default()
    };
    let text = "2022年,全县新增学位3200个。年内新增学位1080个。";
    let g = run_with(text, &meta, &structure::analyze(text));
    assert_eq!(find(&g, 3200.0).status, GoalStatus::Achieved);
    assert_eq!(find(&g, 1080.0).status, GoalStatus::Target);
    assert_eq!(find(&g, 1080.0).year, Some(2023));
}

#[test]
fn dates_and_per_capita_words_are_handled_in_indicators() {
    let g = run("6月底前完成4所学校建设。教师人均不少于72学时。");
    // 完成 names no measure of its own: what it completes does.
    assert_eq!(find(&g, 4.0).indicator, "学校建设");
    assert_eq!(find(&g, 72.0).indicator, "教师人均");
}

#[test]
fn a_verb_between_two_counts_belongs_to_the_second() {
    let g = run("投资8500万元实施12个改造项目。");
    assert_eq!(find(&g, 85_000_000.0).indicator, "投资");
    assert_eq!(find(&g, 12.0).indicator, "实施改造项目");
    let g = run("实现3个学段推出5所名校。");
    // 实现 before a figure is a predicate, as 达到 is: the count measures 学段.
    assert_eq!(find(&g, 3.0).indicator, "学段");
    assert_eq!(find(&g, 5.0).indicator, "推出名校");
}

#[test]
fn building_one_per_unit_is_a_standard_not_a_count() {
    assert!(run("每个乡镇建设一所中心幼儿园。").is_empty());
    assert_eq!(run("年内新建一所高中。").len(), 1);
}

#[test]
fn durations_naming_a_noun_are_not_goals() {
    assert!(run("建成15分钟教育服务圈,实行24小时值班。").is_empty());
    assert_eq!(run("保证学生每天校园体育活动不少于1小时。").len(), 1);
}

#[test]
fn a_year_in_a_child_item_does_not_date_its_parent_section() {
    let text = "一、目标\n(一)主要指标\n1.到2025年,全县学校总数达到110所。\n2.建成学校5所。\n";
    let g = run(text);
    assert_eq!(find(&g, 110.0).year, Some(2025));
    assert_eq!(find(&g, 5.0).year, None);
}

#[test]
fn a_unit_column_and_bracketed_values_are_read() {
    let text = "专栏二 经费指标";
    let mut s = table_structure(text);
    let t = &mut s.tables[0];
    t.columns[4] = Column {
        header: "单位".to_owned(),
        role: ColumnRole::Unit,
        year: None,
    };
    t.rows.truncate(1);
    t.rows[0].cells = ["1", "教育经费总投入", "1200", "〔1500〕", "万元"]
        .map(String::from)
        .to_vec();
    let g = run_with(text, &Meta::default(), &s);
    assert_eq!(g.len(), 1, "{g:#?}");
    assert_eq!(
        (g[0].value, g[0].unit.as_deref()),
        (15_000_000.0, Some("元"))
    );
    assert_eq!(g[0].baseline.as_ref().map(|b| b.value), Some(12_000_000.0));
    assert_eq!(g[0].binding, None);
}

#[test]
fn achievement_headings_cover_results_and_progress() {
    let g = run("一、主要成绩\n新建学校12所。\n二、工作任务\n新建学校8所。\n");
    assert_eq!(find(&g, 12.0).status, GoalStatus::Achieved);
    assert_eq!(find(&g, 8.0).status, GoalStatus::Target);
}

#[test]
fn short_listed_heads_share_the_last_part_s_tail() {
    let g = run("小学、初中适龄儿童入学率均达100%。");
    let names: Vec<&str> = g.iter().map(|x| x.indicator.as_str()).collect();
    assert_eq!(names, ["小学适龄儿童入学率", "初中适龄儿童入学率"]);
    let g = run("确保城区和乡镇公办小学就近入学比例(均不含寄宿制学校)分别达到100%、95%以上。");
    assert_eq!(g[0].indicator, "城区公办小学就近入学比例");
    assert_eq!(g[1].indicator, "乡镇公办小学就近入学比例");
}

#[test]
fn parentheses_and_conjunctions_are_trimmed_from_indicators() {
    let g = run("民办幼儿园55所(其中,普惠性幼儿园47所)。");
    assert_eq!(find(&g, 47.0).indicator, "普惠性幼儿园");
    let g = run("更新300余套多媒体设备以及15套网络教学系统。");
    assert_eq!(find(&g, 300.0).indicator, "更新多媒体设备");
    assert_eq!(find(&g, 15.0).indicator, "网络教学系统");
}

#[test]
fn percent_ranges_give_one_goal() {
    for text in [
        "教育经费年均增长5%-8%。",
        "教育经费年均增长5-8%。",
        "教育经费年均增长5%至8%。",
    ] {
        let g = run(text);
        assert_eq!(g.len(), 1, "{text}: {g:#?}");
        assert_eq!(
            (g[0].value, g[0].value_high, g[0].comparator),
            (5.0, Some(8.0), Comparator::Range),
            "{text}"
        );
        assert_eq!(g[0].unit.as_deref(), Some("%"));
    }
}

#[test]
fn weak_units_count_when_the_indicator_measures_them() {
    let g = run("到2030年,全市劳动年龄人口平均受教育年限达到11.2年。");
    assert_eq!(g.len(), 1, "{g:#?}");
    assert_eq!((g[0].value, g[0].unit.as_deref()), (11.2, Some("年")));
    assert!(g[0].indicator.contains("平均受教育年限"), "{g:#?}");
    let g = run("专任教师平均年龄控制在45岁以下。");
    assert_eq!(g.len(), 1, "{g:#?}");
    assert_eq!((g[0].value, g[0].comparator), (45.0, Comparator::Le));
    // A duration or an age that no indicator measures stays out.
    assert!(run("新招聘教师在农村学校服务满3年。").is_empty());
    assert!(run("为3岁以上儿童提供服务。").is_empty());
}

#[test]
fn prohibited_comparisons_and_modals_leave_the_indicator() {
    let g = run("新建幼儿园生均用地面积不得低于15平方米,班额不应超过30人。");
    let area = find(&g, 15.0);
    assert_eq!(area.indicator, "新建幼儿园生均用地面积");
    assert_eq!(area.comparator, Comparator::Ge);
    let class = find(&g, 30.0);
    assert_eq!(class.indicator, "班额");
    assert_eq!(class.comparator, Comparator::Le);
    let g = run("家长满意度必须达到95%以上。");
    assert_eq!(find(&g, 95.0).indicator, "家长满意度");
}

#[test]
fn a_document_stating_a_requirement_is_not_the_indicator() {
    let g = run("《细则》要求乡镇中心园覆盖率达到100%。");
    assert_eq!(find(&g, 100.0).indicator, "乡镇中心园覆盖率");
    let g = run("要求学前一年入园率达到98%。");
    assert_eq!(find(&g, 98.0).indicator, "学前一年入园率");
}

#[test]
fn a_causative_verb_and_a_following_predicate_stay_out_of_the_indicator() {
    let g = run("组织4所初中分别与城区小学开展结对帮扶。");
    assert_eq!(find(&g, 4.0).indicator, "初中");
    let g = run("推动6所薄弱学校与优质学校组建教育集团。");
    assert!(find(&g, 6.0).indicator.ends_with("薄弱学校"), "{g:#?}");
    let g = run("新建10所乡镇幼儿园。");
    assert_eq!(find(&g, 10.0).indicator, "新建乡镇幼儿园");
}

#[test]
fn a_sentence_opened_by_a_later_year_is_due_that_year() {
    let meta = Meta {
        period: Some(Period {
            name: Some("十四五".to_owned()),
            start: 2021,
            end: 2025,
        }),
        ..Meta::default()
    };
    let text = "2023年,全镇公办园在园幼儿占比达到55%以上。2020年以来,新建幼儿园4所。";
    let g = run_with(text, &meta, &structure::analyze(text));
    assert_eq!(find(&g, 55.0).year, Some(2023));
    assert_eq!(find(&g, 55.0).status, GoalStatus::Target);
    assert_eq!(find(&g, 4.0).status, GoalStatus::Achieved);
    // Without a known document year, the year heading a sentence that plans still dates it.
    let g = run(text);
    assert_eq!(find(&g, 55.0).year, Some(2023));
}

#[test]
fn a_scope_alone_takes_the_previous_measure() {
    let g = run("全市学前三年毛入园率达到95%以上,县(市、区)达到90%以上。");
    assert_eq!(find(&g, 90.0).indicator, "县(市、区)学前三年毛入园率");
    let g = run("城镇学校专任教师本科学历比例达到80%,农村达到60%。");
    assert_eq!(find(&g, 60.0).indicator, "农村学校专任教师本科学历比例");
}

#[test]
fn a_word_ending_in_mu_holds_no_muqian() {
    let g = run("完成项目前期手续,全县新建幼儿园3所。");
    assert_eq!(find(&g, 3.0).status, GoalStatus::Target);
    let g = run("目前,全县有幼儿园30所。");
    assert_eq!(find(&g, 30.0).status, GoalStatus::Achieved);
}

#[test]
fn a_count_of_groups_is_not_part_of_the_indicator() {
    let g = run("实施校舍改造、设备更新等5大类42个项目。");
    assert_eq!(find(&g, 42.0).indicator, "项目");
}

#[test]
fn magnitudes_in_chinese_are_quantities_idioms_are_not() {
    let g = run("过去五年,全县年接待游客近千万人次。");
    assert_eq!(g.len(), 1, "{g:#?}");
    assert_eq!((g[0].value, g[0].unit.as_deref()), (1e7, Some("人次")));
    assert!(run("教育涉及千家万户。").is_empty());
}

#[test]
fn a_colon_after_the_measure_leaves_it_the_subject() {
    let g = run("(三)一产固定资产投资:完成48.2亿元,增长9.6%。");
    assert_eq!(find(&g, 4.82e9).indicator, "一产固定资产投资");
    assert_eq!(find(&g, 9.6).indicator, "一产固定资产投资增长");
}

#[test]
fn a_window_of_years_dates_its_goals_and_leaves_the_indicator() {
    let g = run("2024—2026年全市新建高标准农田42万亩以上。");
    assert_eq!(g[0].year, Some(2026));
    assert_eq!(g[0].indicator, "全市新建高标准农田");
}

#[test]
fn rankings_and_completion_rates_report() {
    let g = run("2023年,全市农村居民人均可支配收入完成18650元,增幅7.2%,增幅全省第2。");
    assert!(g.iter().all(|x| x.status == GoalStatus::Achieved), "{g:#?}");
    assert_eq!(find(&g, 18650.0).as_of, Some(2023));
}

#[test]
fn a_proposed_figure_is_a_target_and_its_modal_is_no_part_of_the_indicator() {
    let meta = Meta {
        kind: Some("政府工作报告".to_owned()),
        date: Some("2026-03-05".to_owned()),
        ..Meta::default()
    };
    let text =
        "政府工作报告\n今年一般公共预算支出规模将首次达到30万亿元,拟发行超长期特别国债1.3万亿元。";
    let g = run_with(text, &meta, &structure::analyze(text));
    let spend = find(&g, 30e12);
    assert_eq!(spend.indicator, "一般公共预算支出规模");
    let bonds = find(&g, 1.3e12);
    assert_eq!(bonds.indicator, "超长期特别国债");
    assert_eq!(bonds.status, GoalStatus::Target);
}

#[test]
fn counts_of_the_documents_own_parts_are_no_goals() {
    let text = "一、总体要求\n本方案明确133项具体任务,涉及34个牵头单位。共提出94条工作要点。完成时限为2021年8月。全年完成30项重点任务,创建10个文明单位。\n";
    let got = run(text);
    let values: Vec<f64> = got.iter().map(|g| g.value).collect();
    assert_eq!(values, vec![30.0, 10.0], "{got:#?}");
}

#[test]
fn verbs_of_compressing_are_no_part_of_the_indicator() {
    let got = run("将企业开办时间压缩至0.5个工作日,不动产登记办理时限压减到3个工作日以内。\n");
    let names: Vec<&str> = got.iter().map(|g| g.indicator.as_str()).collect();
    assert_eq!(names, ["企业开办时间", "不动产登记办理时限"], "{got:#?}");
}

#[test]
fn a_bound_that_defines_a_class_is_no_goal() {
    let got = run("本规划以灌溉面积小于1万亩的小型灌区和容积小于10万立方米的水源工程为主,新增灌溉面积2000亩。\n");
    let values: Vec<f64> = got.iter().map(|g| g.value).collect();
    assert_eq!(values, vec![2000.0], "{got:#?}");
}

#[test]
fn a_due_year_heads_every_part_of_a_statement_split_by_semicolons() {
    // A lead-in (意见要求) before the year, then parts parted by semicolons; the next paragraph
    // stands alone.
    let text = "有关情况如下。意见要求,到2027年,全县农村自来水普及率达到92%;\
                耕地保有量稳定在40万亩以上;规模化供水工程覆盖人口比例达到80%。\n集中供水率达到85%。\n";
    let g = run(text);
    assert_eq!(find(&g, 92.0).year, Some(2027));
    assert_eq!(find(&g, 400000.0).year, Some(2027));
    assert_eq!(find(&g, 80.0).year, Some(2027));
    assert_eq!(find(&g, 85.0).year, None);
}
