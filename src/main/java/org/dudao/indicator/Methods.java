package org.dudao.indicator;

import java.util.List;

/** The assessment and test methods (考核方式 / 测评方法) the seeds use. */
public final class Methods {
    private Methods() {}

    public static final List<String> ALL = List.of(
            "报送资料", "日常掌握", "实地考核", "集中评查", "网络检索", "满意度调查", "材料查证", "随机访谈", "实地核验", "案卷评查", "问卷调查", "随机抽考", "座谈了解",
            "现场测试", "听取汇报", "查阅资料", "其他");
}
