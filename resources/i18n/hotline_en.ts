<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>CallScreen</name>
    <message>
        <location filename="../../widgets/call_screen.py" line="66"/>
        <source>来电号码，回车查询历史</source>
        <translation>Caller number (Enter shows the history)</translation>
    </message>
    <message>
        <location filename="../../widgets/call_screen.py" line="71"/>
        <source>姓名（可不填）</source>
        <translation>Name (optional)</translation>
    </message>
    <message>
        <location filename="../../widgets/call_screen.py" line="75"/>
        <source>诉求内容（Enter 保存，Shift+Enter 换行）</source>
        <translation>Request details (Enter saves, Shift+Enter starts a new line)</translation>
    </message>
    <message>
        <location filename="../../widgets/call_screen.py" line="80"/>
        <source>事发地址</source>
        <translation>Incident address</translation>
    </message>
    <message>
        <location filename="../../widgets/call_screen.py" line="86"/>
        <source>A 类（紧急）</source>
        <translation>A (urgent)</translation>
    </message>
    <message>
        <location filename="../../widgets/call_screen.py" line="87"/>
        <source>B 类（较急）</source>
        <translation>B (high)</translation>
    </message>
    <message>
        <location filename="../../widgets/call_screen.py" line="88"/>
        <source>C 类（一般）</source>
        <translation>C (normal)</translation>
    </message>
    <message>
        <location filename="../../widgets/call_screen.py" line="89"/>
        <source>保存 (Enter)</source>
        <translation>Save (Enter)</translation>
    </message>
    <message>
        <location filename="../../widgets/call_screen.py" line="91"/>
        <source>清空 (Esc)</source>
        <translation>Clear (Esc)</translation>
    </message>
    <message>
        <location filename="../../widgets/call_screen.py" line="101"/>
        <source>来电号码</source>
        <translation>Caller number</translation>
    </message>
    <message>
        <location filename="../../widgets/call_screen.py" line="102"/>
        <source>来电人</source>
        <translation>Caller</translation>
    </message>
    <message>
        <location filename="../../widgets/call_screen.py" line="106"/>
        <source>渠道 / 性质</source>
        <translation>Channel / type</translation>
    </message>
    <message>
        <location filename="../../widgets/call_screen.py" line="107"/>
        <source>诉求内容</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../../widgets/call_screen.py" line="108"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../widgets/call_screen.py" line="109"/>
        <source>街道 / 社区 / 网格</source>
        <translation>Street / community / grid cell</translation>
    </message>
    <message>
        <location filename="../../widgets/call_screen.py" line="110"/>
        <source>事项分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../widgets/call_screen.py" line="111"/>
        <source>紧急程度</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../widgets/call_screen.py" line="114"/>
        <location filename="../../widgets/call_screen.py" line="229"/>
        <source>来电历史</source>
        <translation>Call history</translation>
    </message>
    <message>
        <location filename="../../widgets/call_screen.py" line="184"/>
        <source>新来电 {n}：当前表单尚未保存，已保留</source>
        <translation>New call from {n}: the current form is not saved yet and was kept</translation>
    </message>
    <message>
        <location filename="../../widgets/call_screen.py" line="229"/>
        <source>来电历史：无</source>
        <translation>Call history: none</translation>
    </message>
    <message>
        <location filename="../../widgets/call_screen.py" line="231"/>
        <source>重复来电 {n} 次</source>
        <translation>Repeat caller: {n} cases</translation>
    </message>
    <message>
        <location filename="../../widgets/call_screen.py" line="233"/>
        <source>来电历史：共 {total} 件，近30天 {recent} 件</source>
        <translation>Call history: {total} cases, {recent} in the last 30 days</translation>
    </message>
    <message>
        <location filename="../../widgets/call_screen.py" line="273"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../widgets/call_screen.py" line="282"/>
        <source>数据库连接中断：本件已暂存本机（共 {n} 件待提交），连接恢复后自动提交，可继续受理下一个来电</source>
        <translation>Database unreachable: this case is kept on this seat ({n} waiting) and will be sent when the link returns. You can take the next call.</translation>
    </message>
    <message>
        <location filename="../../widgets/call_screen.py" line="284"/>
        <source>已保存 {no}</source>
        <translation>Saved {no}</translation>
    </message>
</context>
<context>
    <name>CaseQueue</name>
    <message>
        <location filename="../../widgets/case_queue.py" line="40"/>
        <source>未办结</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="41"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="45"/>
        <source>全部渠道</source>
        <translation>All channels</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="49"/>
        <source>全部街道</source>
        <translation>All streets</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="54"/>
        <source>分类（中文或拼音首字母）</source>
        <translation>Category (Chinese or pinyin initials)</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="56"/>
        <source>搜索编号、号码、内容、地址</source>
        <translation>Search case no., phone, text, address</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="112"/>
        <source>共 {total} 件，显示前 {held} 件</source>
        <translation>{total} cases, showing the first {held}</translation>
    </message>
    <message>
        <location filename="../../widgets/case_queue.py" line="115"/>
        <source>共 {total} 件</source>
        <translation>{total} cases</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../widgets/case_model.py" line="67"/>
        <source>编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../widgets/case_model.py" line="68"/>
        <source>受理时间</source>
        <translation>Accepted at</translation>
    </message>
    <message>
        <location filename="../../widgets/case_model.py" line="70"/>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../widgets/case_model.py" line="71"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../widgets/case_model.py" line="72"/>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../widgets/case_model.py" line="74"/>
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../widgets/case_model.py" line="76"/>
        <source>街道</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../widgets/case_model.py" line="78"/>
        <source>诉求内容</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../../widgets/case_model.py" line="80"/>
        <source>来电号码</source>
        <translation>Caller number</translation>
    </message>
    <message>
        <location filename="../../widgets/case_model.py" line="81"/>
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
</context>
<context>
    <name>CategoryPicker</name>
    <message>
        <location filename="../../widgets/pickers.py" line="34"/>
        <source>输入分类名称或拼音首字母，如 dlps</source>
        <translation>Category name or pinyin initials, e.g. dlps</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../widgets/commands.py" line="27"/>
        <source>模拟来电…</source>
        <translation>Simulate Incoming Call…</translation>
    </message>
    <message>
        <location filename="../../widgets/commands.py" line="28"/>
        <source>新建诉求</source>
        <translation>New Request</translation>
    </message>
    <message>
        <location filename="../../widgets/commands.py" line="29"/>
        <source>转到来电登记</source>
        <translation>Go to Call Intake</translation>
    </message>
    <message>
        <location filename="../../widgets/commands.py" line="30"/>
        <source>转到案件队列</source>
        <translation>Go to Case Queue</translation>
    </message>
    <message>
        <location filename="../../widgets/commands.py" line="31"/>
        <source>刷新队列</source>
        <translation>Refresh Queue</translation>
    </message>
    <message>
        <location filename="../../widgets/commands.py" line="32"/>
        <source>恢复默认布局</source>
        <translation>Reset Layout</translation>
    </message>
    <message>
        <location filename="../../widgets/commands.py" line="33"/>
        <source>中文</source>
        <translation>中文 (Chinese)</translation>
    </message>
    <message>
        <location filename="../../widgets/commands.py" line="34"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../widgets/commands.py" line="35"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../widgets/commands.py" line="39"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../widgets/commands.py" line="40"/>
        <source>来电(&amp;C)</source>
        <translation>&amp;Call</translation>
    </message>
    <message>
        <location filename="../../widgets/commands.py" line="41"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../widgets/commands.py" line="42"/>
        <source>语言(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../widgets/commands.py" line="50"/>
        <source>常用</source>
        <translation>Main Toolbar</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../widgets/main_window.py" line="31"/>
        <source>坪山区指挥中心 · 12345 热线坐席 — {user}</source>
        <translation>Pingshan District Command Centre · 12345 hotline desk — {user}</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="43"/>
        <source>来电登记</source>
        <translation>Call intake</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="44"/>
        <source>案件队列</source>
        <translation>Case queue</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="118"/>
        <source>● 数据库已连接</source>
        <translation>● Database connected</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="121"/>
        <source>● 数据库连接中断，正在重连…</source>
        <translation>● Database connection lost, reconnecting…</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="126"/>
        <source>本机暂存 {n} 件待提交</source>
        <translation>{n} cases waiting on this seat</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="134"/>
        <source>程序内部错误（已记入日志，请报告技术支持）：{s}</source>
        <translation>Internal error (logged; please report it to technical support): {s}</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="140"/>
        <source>模拟来电</source>
        <translation>Simulate incoming call</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="140"/>
        <source>来电号码：</source>
        <translation>Caller number:</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="147"/>
        <source>界面语言将在下次启动时切换</source>
        <translation>The new language takes effect the next time the console starts</translation>
    </message>
</context>
<context>
    <name>PlacePicker</name>
    <message>
        <location filename="../../widgets/pickers.py" line="112"/>
        <source>（街道）</source>
        <translation>(street)</translation>
    </message>
    <message>
        <location filename="../../widgets/pickers.py" line="117"/>
        <source>（社区）</source>
        <translation>(community)</translation>
    </message>
    <message>
        <location filename="../../widgets/pickers.py" line="123"/>
        <source>（网格）</source>
        <translation>(grid cell)</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../../widgets/texts.py" line="20"/>
        <source>12345热线</source>
        <translation>12345 hotline</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="21"/>
        <source>微信</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="22"/>
        <source>美丽深圳APP</source>
        <translation>Beautiful Shenzhen app</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="23"/>
        <source>12319热线</source>
        <translation>12319 hotline</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="24"/>
        <source>政府信箱</source>
        <translation>Government mailbox</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="25"/>
        <source>固话投诉</source>
        <translation>Landline complaint</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="26"/>
        <source>网站</source>
        <translation>Website</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="27"/>
        <source>网格员上报</source>
        <translation>Grid worker report</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="34"/>
        <source>投诉</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="35"/>
        <source>咨询</source>
        <translation>Enquiry</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="36"/>
        <source>建议</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="37"/>
        <source>求决</source>
        <translation>Request for action</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="38"/>
        <source>感谢</source>
        <translation>Thanks</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="39"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="46"/>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="47"/>
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="48"/>
        <source>已分拨</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="49"/>
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="50"/>
        <source>已办结</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="51"/>
        <source>已归档</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="52"/>
        <source>已退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="53"/>
        <source>争议中</source>
        <translation>Disputed</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="54"/>
        <source>已合并</source>
        <translation>Merged</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="55"/>
        <source>当场答复</source>
        <translation>Answered on the call</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="56"/>
        <source>无效</source>
        <translation>Invalid</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="64"/>
        <source>请输入来电号码（电话渠道必填）</source>
        <translation>Enter the caller&apos;s number (required for phone channels)</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="65"/>
        <source>号码无法识别：请输入手机号（11位）或带区号的固话</source>
        <translation>Number not recognised: enter an 11-digit mobile number or a landline number with area code</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="66"/>
        <source>请填写诉求内容</source>
        <translation>Enter the request details</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="67"/>
        <source>请填写来电人姓名</source>
        <translation>Enter the caller&apos;s name</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="68"/>
        <source>内容过长：{length} 字，最多 {limit} 字。内容已保留，请删减后再保存</source>
        <translation>Text too long: {length} characters, at most {limit}. Your text was kept; shorten it and save again</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="69"/>
        <source>第 {position} 个字符是不可见的控制字符（多为粘贴带入），请删除后再保存</source>
        <translation>Character {position} is an invisible control character (usually pasted in); delete it and save again</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="71"/>
        <source>请选择事项分类（可输入中文或拼音首字母搜索）</source>
        <translation>Choose a category (search in Chinese or by pinyin initials)</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="72"/>
        <source>分类不存在或已停用，请重新选择</source>
        <translation>This category does not exist or is no longer in use; choose another</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="73"/>
        <source>请选择到第三级分类</source>
        <translation>Choose a third-level category</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="74"/>
        <source>请选择紧急程度 A/B/C</source>
        <translation>Choose urgency A, B or C</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="75"/>
        <source>请选择来源渠道</source>
        <translation>Choose the channel</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="76"/>
        <source>请选择诉求性质</source>
        <translation>Choose the request type</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="77"/>
        <source>网格不存在，请重新选择</source>
        <translation>This grid cell does not exist; choose another</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="78"/>
        <source>网格不属于所选社区</source>
        <translation>This grid cell is not in the chosen community</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="79"/>
        <source>社区不存在，请重新选择</source>
        <translation>This community does not exist; choose another</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="80"/>
        <source>社区不属于所选街道</source>
        <translation>This community is not in the chosen street</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="81"/>
        <source>街道不存在，请重新选择</source>
        <translation>This street does not exist; choose another</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="89"/>
        <source>有 {n} 项需要更正，见标红的字段；未保存任何内容</source>
        <translation>{n} field(s) need correcting, see the fields marked in red; nothing was saved</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="91"/>
        <source>数据库连接中断：已填写的内容保留在本机，连接恢复后按 Enter 再次保存即可</source>
        <translation>Database connection lost: what you entered is kept on this computer; press Enter to save again once the connection is back</translation>
    </message>
    <message>
        <location filename="../../widgets/texts.py" line="93"/>
        <source>该记录已被他人修改，请刷新后重试</source>
        <translation>Someone else has changed this record; refresh and try again</translation>
    </message>
</context>
</TS>
