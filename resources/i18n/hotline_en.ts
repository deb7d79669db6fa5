<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../../widgets/accounts/accounts_dialog.py" line="57" />
        <source>账号管理</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/accounts_dialog.py" line="77" />
        <source>新建或重设时填写，至少 10 位</source>
        <translation>For a new account or a reset; at least 10 characters</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/accounts_dialog.py" line="81" />
        <source>（不属于任何班组）</source>
        <translation>(no team)</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/accounts_dialog.py" line="61" />
        <location filename="../../widgets/accounts/accounts_dialog.py" line="91" />
        <source>登录名</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/accounts_dialog.py" line="62" />
        <location filename="../../widgets/accounts/accounts_dialog.py" line="92" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/accounts_dialog.py" line="63" />
        <location filename="../../widgets/accounts/accounts_dialog.py" line="93" />
        <source>岗位</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/accounts_dialog.py" line="64" />
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/accounts_dialog.py" line="64" />
        <source>可登录</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/accounts_dialog.py" line="64" />
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/accounts_dialog.py" line="86" />
        <source>（不属于承办单位）</source>
        <translation>(not a unit's handler)</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/accounts_dialog.py" line="94" />
        <source>班组</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/accounts_dialog.py" line="95" />
        <location filename="../../widgets/accounts/accounts_dialog.py" line="48" />
        <source>承办单位</source>
        <translation>Unit handler</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/accounts_dialog.py" line="96" />
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/accounts_dialog.py" line="98" />
        <source>新建账号</source>
        <translation>New account</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/accounts_dialog.py" line="99" />
        <source>保存岗位</source>
        <translation>Save roles</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/accounts_dialog.py" line="100" />
        <source>保存班组</source>
        <translation>Save team</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/accounts_dialog.py" line="101" />
        <source>保存单位</source>
        <translation>Save unit</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/accounts_dialog.py" line="102" />
        <source>重设密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/accounts_dialog.py" line="103" />
        <source>停用</source>
        <translation>Disable</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/accounts_dialog.py" line="104" />
        <source>启用</source>
        <translation>Enable</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/accounts_dialog.py" line="172" />
        <source>保存中…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/accounts_dialog.py" line="181" />
        <source>已新建账号 {login}</source>
        <translation>Created the account {login}</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/accounts_dialog.py" line="186" />
        <source>已保存 {login} 的岗位</source>
        <translation>Saved the roles of {login}</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/accounts_dialog.py" line="191" />
        <source>已保存 {login} 的班组</source>
        <translation>Saved the team of {login}</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/accounts_dialog.py" line="196" />
        <source>已保存 {login} 的承办单位</source>
        <translation>Saved the unit of {login}</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/accounts_dialog.py" line="201" />
        <source>已重设 {login} 的密码</source>
        <translation>Reset the password of {login}</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/accounts_dialog.py" line="205" />
        <source>已启用 {login}</source>
        <translation>Enabled {login}</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/accounts_dialog.py" line="206" />
        <source>已停用 {login}，该账号不能再登录</source>
        <translation>Disabled {login}; the account can no longer log in</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/accounts_dialog.py" line="47" />
        <source>坐席员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/accounts_dialog.py" line="47" />
        <source>分拨员</source>
        <translation>Dispatcher</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/accounts_dialog.py" line="47" />
        <source>值班长</source>
        <translation>Shift leader</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/accounts_dialog.py" line="48" />
        <source>督办</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/accounts_dialog.py" line="48" />
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
</context>
<context>
    <name>AlertCenter</name>
    <message>
        <location filename="../../widgets/shell/alerts.py" line="44" />
        <source>新 A 类案件 {n} 件</source>
        <translation>{n} new A-class cases</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/alerts.py" line="44" />
        <source>新超时 {n} 件</source>
        <translation>{n} cases went overdue</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/alerts.py" line="45" />
        <source>督办回复到期 {n} 件</source>
        <translation>{n} order replies fell due</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/alerts.py" line="118" />
        <source>热线坐席提醒</source>
        <translation>Hotline seat alert</translation>
    </message>
</context>
<context>
    <name>AnswerListModel</name>
    <message>
        <location filename="../../widgets/answers/answer_list_model.py" line="89" />
        <source>问题</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../widgets/answers/answer_list_model.py" line="89" />
        <source>使用次数</source>
        <translation>Uses</translation>
    </message>
</context>
<context>
    <name>BoundaryDialog</name>
    <message>
        <location filename="../../widgets/geo/boundary_dialog.py" line="50" />
        <source>导入辖区边界</source>
        <translation>Import district boundaries</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_dialog.py" line="58" />
        <source>GCJ-02（国测局坐标，高德、腾讯地图）</source>
        <translation>GCJ-02 (China's survey system: AMap, Tencent Maps)</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_dialog.py" line="59" />
        <source>WGS-84（GPS 坐标，导入时转换为 GCJ-02）</source>
        <translation>WGS-84 (GPS; converted to GCJ-02 on import)</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_dialog.py" line="61" />
        <source>限于现有辖区（拒绝远在现有边界之外的图形）</source>
        <translation>Within the present district (refuse shapes far outside the present boundaries)</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_dialog.py" line="69" />
        <source>层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_dialog.py" line="70" />
        <source>第几个要素</source>
        <translation>Feature no.</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_dialog.py" line="71" />
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_dialog.py" line="72" />
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_dialog.py" line="81" />
        <source>检查</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_dialog.py" line="83" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_dialog.py" line="85" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_dialog.py" line="95" />
        <source>文件的坐标系</source>
        <translation>The files' coordinate system</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_dialog.py" line="122" />
        <source>现有：</source>
        <translation>Now: </translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_dialog.py" line="123" />
        <source>{level} {count} 个（{drawn} 个有边界）</source>
        <translation>{level}: {count} ({drawn} with a boundary)</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_dialog.py" line="147" />
        <location filename="../../widgets/geo/boundary_dialog.py" line="184" />
        <source>请至少选择一个文件</source>
        <translation>Choose at least one file</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_dialog.py" line="149" />
        <source>检查中…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_dialog.py" line="156" />
        <source>检查通过，可以导入</source>
        <translation>Check passed: ready to import</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_dialog.py" line="157" />
        <source>发现 {n} 处问题，修改文件后再检查；不会导入任何内容</source>
        <translation>{n} problem(s) found: correct the file and check again; nothing will be imported</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_dialog.py" line="164" />
        <source>{level} {count} 个（新增 {added}，删除 {removed}）</source>
        <translation>{level}: {count} ({added} new, {removed} removed)</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_dialog.py" line="169" />
        <source>{level} {count} 个</source>
        <translation>{level}: {count}</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_dialog.py" line="173" />
        <source>保留现有：{levels}</source>
        <translation>kept as they are: {levels}</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_dialog.py" line="174" />
        <source>文件中：</source>
        <translation>In the files: </translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_dialog.py" line="193" />
        <source>已导入{levels}边界，各席位的地图随之更新</source>
        <translation>{levels} boundaries imported; every seat's map follows</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_dialog.py" line="198" />
        <source>导入中…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_dialog.py" line="204" />
        <source>发现 {n} 处问题，未导入任何内容</source>
        <translation>{n} problem(s) found; nothing was imported</translation>
    </message>
</context>
<context>
    <name>BoundaryWords</name>
    <message>
        <location filename="../../widgets/geo/boundary_words.py" line="16" />
        <source>街道</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_words.py" line="16" />
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_words.py" line="17" />
        <source>网格</source>
        <translation>Grid cell</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_words.py" line="30" />
        <source>文件无法读取：{detail}</source>
        <translation>The file cannot be read: {detail}</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_words.py" line="31" />
        <source>不是 JSON 文件：{detail}</source>
        <translation>Not a JSON file: {detail}</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_words.py" line="32" />
        <source>不是 GeoJSON 要素集合（FeatureCollection）</source>
        <translation>Not a GeoJSON FeatureCollection</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_words.py" line="33" />
        <source>文件中没有要素</source>
        <translation>The file has no features</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_words.py" line="34" />
        <source>文件过大（{detail} MB），请检查是否选错了文件</source>
        <translation>The file is too large ({detail} MB): is it the right file?</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_words.py" line="35" />
        <source>没有图形</source>
        <translation>No shape</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_words.py" line="36" />
        <source>图形须为面（Polygon 或 MultiPolygon），此处为 {detail}</source>
        <translation>The shape must be an area (Polygon or MultiPolygon), not {detail}</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_words.py" line="37" />
        <source>图形无法识别：{detail}</source>
        <translation>Shape cannot be read: {detail}</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_words.py" line="38" />
        <source>图形为空</source>
        <translation>Empty shape</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_words.py" line="39" />
        <source>多边形无效：{detail}</source>
        <translation>Invalid polygon: {detail}</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_words.py" line="40" />
        <source>与 {detail} 重叠</source>
        <translation>Overlaps {detail}</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_words.py" line="41" />
        <source>坐标 ({detail}) 不是所选坐标系的经纬度：经纬度是否颠倒，或是以米为单位的投影坐标？</source>
        <translation>Coordinate ({detail}) is not a longitude/latitude of the chosen system: are longitude and latitude swapped, or are these projected metres?</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_words.py" line="43" />
        <source>距其他图形中心 {detail} 公里，不像本辖区的边界</source>
        <translation>{detail} km from the middle of the other shapes: not a boundary of this district</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_words.py" line="44" />
        <source>远在现有辖区之外：坐标系是否选错？如确为新辖区，请取消“限于现有辖区”</source>
        <translation>Far outside the present district: is the coordinate system right? For a new district, untick "Within the present district"</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_words.py" line="46" />
        <source>属性“{detail}”中没有编码</source>
        <translation>No code in property "{detail}"</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_words.py" line="47" />
        <source>编码过长，最多 {detail} 个字符</source>
        <translation>Code too long: at most {detail} characters</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_words.py" line="48" />
        <source>编码与第 {detail} 个要素重复</source>
        <translation>Same code as feature no. {detail}</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_words.py" line="49" />
        <source>导入后不再有此编码，但仍有 {detail} 件案件使用它</source>
        <translation>This code would be gone after the import, but {detail} case(s) still use it</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_words.py" line="50" />
        <source>导入后不再有此编码，但仍有 {detail} 个责任单位使用它</source>
        <translation>This code would be gone after the import, but {detail} responsible unit(s) still use it</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_words.py" line="51" />
        <source>属性“{detail}”中没有名称</source>
        <translation>No name in property "{detail}"</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_words.py" line="52" />
        <source>名称过长，最多 {detail} 个字</source>
        <translation>Name too long: at most {detail} characters</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_words.py" line="53" />
        <source>属性“{detail}”中没有所属{parent}的编码</source>
        <translation>No {parent} code in property "{detail}"</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_words.py" line="54" />
        <source>所属{parent} {detail} 不存在</source>
        <translation>The {parent} {detail} does not exist</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_words.py" line="55" />
        <source>不在所写的{parent}内（所写 / 实际所在）：{detail}</source>
        <translation>Not inside the {parent} it names (named / where it lies): {detail}</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_words.py" line="56" />
        <source>不在任何{parent}内</source>
        <translation>Not inside any {parent}</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_words.py" line="57" />
        <source>同时位于多个{parent}内：{detail}；请在文件中写明所属{parent}</source>
        <translation>Lies in several {parent} areas at once ({detail}); name its {parent} in the file</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_words.py" line="68" />
        <source>无法导入（{reason}）</source>
        <translation>Cannot be imported ({reason})</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/boundary_words.py" line="71" />
        <source>（与 {codes} 相交）</source>
        <translation> (touches {codes})</translation>
    </message>
</context>
<context>
    <name>CallForm</name>
    <message>
        <location filename="../../widgets/hotline/call_form.py" line="45" />
        <source>来电号码，回车查询历史</source>
        <translation>Caller number (Enter shows the history)</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/call_form.py" line="46" />
        <source>姓名（可不填）</source>
        <translation>Name (optional)</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/call_form.py" line="50" />
        <source>诉求内容（Enter 保存，Shift+Enter 换行）</source>
        <translation>Request details (Enter saves, Shift+Enter starts a new line)</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/call_form.py" line="54" />
        <source>事发地址</source>
        <translation>Incident address</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/call_form.py" line="61" />
        <source>A 类（紧急）</source>
        <translation>A (urgent)</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/call_form.py" line="62" />
        <source>B 类（较急）</source>
        <translation>B (high)</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/call_form.py" line="63" />
        <source>C 类（一般）</source>
        <translation>C (normal)</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/call_form.py" line="78" />
        <source>来电号码</source>
        <translation>Caller number</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/call_form.py" line="79" />
        <source>来电人</source>
        <translation>Caller</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/call_form.py" line="80" />
        <source>渠道 / 性质</source>
        <translation>Channel / type</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/call_form.py" line="81" />
        <source>诉求内容</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/call_form.py" line="82" />
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/call_form.py" line="83" />
        <source>街道 / 社区 / 网格</source>
        <translation>Street / community / grid cell</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/call_form.py" line="84" />
        <source>地图位置</source>
        <translation>Map location</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/call_form.py" line="85" />
        <source>事项分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/call_form.py" line="86" />
        <source>紧急程度</source>
        <translation>Urgency</translation>
    </message>
</context>
<context>
    <name>CallScreen</name>
    <message>
        <location filename="../../widgets/hotline/call_screen.py" line="155" />
        <source>新来电 {n}：当前表单尚未保存，已保留</source>
        <translation>New call from {n}: the current form is not saved yet and was kept</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/call_saving.py" line="118" />
        <source>已保存 {no}，记为 {master} 的重复件</source>
        <translation>Saved {no} as a duplicate of {master}</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/call_saving.py" line="141" />
        <source>已保存 {no}，当场答复办结</source>
        <translation>Saved {no}, answered on the spot</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/call_saving.py" line="84" />
        <source>未保存：本次来电可能与下列案件是同一件事。按 F8 记为所选案件的重复件，再按 Enter 则作为新案件保存</source>
        <translation>Not saved: this call may be about the same thing as the cases below. Press F8 to record it as a duplicate of the selected case, or Enter again to save it as a new case</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/call_saving.py" line="99" />
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/call_saving.py" line="109" />
        <source>数据库连接中断：本件已暂存本机（共 {n} 件待提交），连接恢复后自动提交，可继续受理下一个来电</source>
        <translation>Database unreachable: this case is kept on this seat ({n} waiting) and will be sent when the link returns. You can take the next call.</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/call_screen.py" line="236" />
        <source>已清空表单；按 Ctrl+Z 恢复刚才填写的内容</source>
        <translation>Form cleared; press Ctrl+Z to bring back what was typed</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/call_screen.py" line="242" />
        <source>已恢复清空前的内容</source>
        <translation>The cleared form is back</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/call_saving.py" line="93" />
        <source>已保存 {no}</source>
        <translation>Saved {no}</translation>
    </message>
</context>
<context>
    <name>CallbackDesk</name>
    <message>
        <location filename="../../widgets/casework/callback_desk.py" line="44" />
        <source>回访结果：{keys}</source>
        <translation>Callback result: {keys}</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/callback_desk.py" line="50" />
        <source>请先选中一件待回访的案件</source>
        <translation>Select a case waiting for its callback first</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/callback_desk.py" line="56" />
        <source>{no}：{what}</source>
        <translation>{no}: {what}</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/callback_desk.py" line="53" />
        <source>保存中…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/callback_desk.py" line="63" />
        <source>已记录：{name}（{level} 分），已结案</source>
        <translation>recorded: {name} ({level} points), case closed</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/callback_desk.py" line="67" />
        <source>已记录：未接通（第 {n} 次），多次未接通，已结案</source>
        <translation>recorded: no answer (try {n}); closed after repeated tries</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/callback_desk.py" line="69" />
        <source>已记录：未接通（第 {n} 次），稍后再拨</source>
        <translation>recorded: no answer (try {n}); call again later</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/callback_desk.py" line="70" />
        <source>已记录「{what}」</source>
        <translation>recorded “{what}”</translation>
    </message>
</context>
<context>
    <name>CallerHistoryPanel</name>
    <message>
        <location filename="../../widgets/hotline/caller_history.py" line="34" />
        <location filename="../../widgets/hotline/caller_history.py" line="60" />
        <source>来电历史</source>
        <translation>Call history</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/caller_history.py" line="60" />
        <source>来电历史：无</source>
        <translation>Call history: none</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/caller_history.py" line="62" />
        <source>重复来电 {n} 次</source>
        <translation>Repeat caller: {n} cases</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/caller_history.py" line="64" />
        <source>来电历史：共 {total} 件，近30天 {recent} 件</source>
        <translation>Call history: {total} cases, {recent} in the last 30 days</translation>
    </message>
</context>
<context>
    <name>CaseDetail</name>
    <message>
        <location filename="../../widgets/casework/case_detail.py" line="102" />
        <source>保存中…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_detail.py" line="109" />
        <source>办理过程</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_detail.py" line="111" />
        <source>告知市民</source>
        <translation>Citizen told</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_detail.py" line="160" />
        <source>案件 {no}</source>
        <translation>Case {no}</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_detail.py" line="164" />
        <source>未定</source>
        <translation>not set</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_detail.py" line="165" />
        <source>（计时暂停中）</source>
        <translation> (clock paused)</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_detail.py" line="167" />
        <source>（估算：该年节假日安排尚未公布，只按周末计算）</source>
        <translation> (estimated: that year's holidays are not published yet; only weekends are counted)</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_detail.py" line="169" />
        <source>　单位时限：{due}</source>
        <translation>  Unit's limit: {due}</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_detail.py" line="172" />
        <source>　单位时限：签收后起算（须于 {due} 前签收）</source>
        <translation>  Unit's limit: starts at signing (to be signed by {due})</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_detail.py" line="177" />
        <source>来源：{channel}　来电：{phone}
街道：{street}　社区：{community}　网格：{grid}
地址：{address}
责任单位：{unit}　办理时限：{due}{paused}</source>
        <translation>Source: {channel}   Caller: {phone}
Street: {street}   Community: {community}   Grid cell: {grid}
Address: {address}
Responsible unit: {unit}   Due: {due}{paused}</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_detail.py" line="221" />
        <source>电话告知</source>
        <translation>Told by phone</translation>
    </message>
</context>
<context>
    <name>CaseExportDialog</name>
    <message>
        <location filename="../../widgets/casework/case_export_dialog.py" line="45" />
        <source>导出案件</source>
        <translation>Export cases</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_export_dialog.py" line="49" />
        <source>案件队列当前筛选的全部案件</source>
        <translation>All cases of the queue's current filter</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_export_dialog.py" line="51" />
        <source>CSV（Excel，UTF-8）</source>
        <translation>CSV (Excel, UTF-8)</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_export_dialog.py" line="52" />
        <source>Open311 GeoReport v2（JSON）</source>
        <translation>Open311 GeoReport v2 (JSON)</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_export_dialog.py" line="53" />
        <source>Open311 GeoReport v2（XML）</source>
        <translation>Open311 GeoReport v2 (XML)</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_export_dialog.py" line="59" />
        <source>案件导出</source>
        <translation>cases-export</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_export_dialog.py" line="62" />
        <source>选择位置…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_export_dialog.py" line="64" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_export_dialog.py" line="149" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_export_dialog.py" line="72" />
        <source>导出内容：</source>
        <translation>What:</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_export_dialog.py" line="73" />
        <source>格式：</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_export_dialog.py" line="77" />
        <source>保存到：</source>
        <translation>Save to:</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_export_dialog.py" line="88" />
        <source>案件队列当前筛选的全部案件：{n} 件</source>
        <translation>All cases of the queue's current filter: {n}</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_export_dialog.py" line="102" />
        <source>导出到文件</source>
        <translation>Export to a file</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_export_dialog.py" line="116" />
        <source>请选择保存位置</source>
        <translation>Choose where to save</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_export_dialog.py" line="120" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_export_dialog.py" line="121" />
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_export_dialog.py" line="128" />
        <source>已导出 {n} 件到 {path}</source>
        <translation>Exported {n} cases to {path}</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_export_dialog.py" line="134" />
        <source>导出已取消，未留下任何文件</source>
        <translation>Export cancelled; no file was left behind</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_export_dialog.py" line="137" />
        <source>无法写入 {path}：{reason}。未留下任何文件；请换一个位置再试</source>
        <translation>Cannot write {path}: {reason}. No file was left behind; try another place</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_export_dialog.py" line="141" />
        <source>数据库连接中断或正忙，导出未完成，未留下任何文件；请稍后再试</source>
        <translation>The database link is down or busy; the export did not finish and left no file. Try again later</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_export_dialog.py" line="164" />
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>CaseQueue</name>
    <message>
        <location filename="../../widgets/casework/case_queue.py" line="107" />
        <source>未办结</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_queue.py" line="107" />
        <source>待分拨（含退回）</source>
        <translation>Awaiting dispatch (incl. returned)</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_queue.py" line="108" />
        <source>待回访</source>
        <translation>Awaiting callback</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_queue.py" line="108" />
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_queue.py" line="50" />
        <source>全部渠道</source>
        <translation>All channels</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_queue.py" line="54" />
        <source>全部街道</source>
        <translation>All streets</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_queue.py" line="59" />
        <source>分类（中文或拼音首字母）</source>
        <translation>Category (Chinese or pinyin initials)</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_queue.py" line="61" />
        <source>搜索编号、号码、内容、地址</source>
        <translation>Search case no., phone, text, address</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_queue.py" line="162" />
        <source>{label} {n} 件 ✕</source>
        <translation>{label}: {n} cases ✕</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_queue.py" line="164" />
        <source>点击取消，恢复全部</source>
        <translation>Click to show all again</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_queue.py" line="169" />
        <source>点击取消地图框选，恢复全部</source>
        <translation>Click to drop the map's selection and show all again</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_queue.py" line="194" />
        <source>共 {total} 件，已载入 {held} 件</source>
        <translation>{total} cases, {held} loaded</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_queue.py" line="196" />
        <source>向下滚动到底部时载入更多</source>
        <translation>Scroll to the end to load more</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_queue.py" line="167" />
        <source>地图框选 {n} 件 ✕</source>
        <translation>Selected on the map: {n} ✕</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_queue.py" line="181" />
        <source>地图区域：{name} ✕</source>
        <translation>Map area: {name} ✕</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_queue.py" line="182" />
        <source>点击取消地图所选区域，恢复全部</source>
        <translation>Click to drop the area chosen on the map and show all again</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_queue.py" line="198" />
        <source>共 {total} 件</source>
        <translation>{total} cases</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../widgets/casework/case_columns.py" line="75" />
        <source>签收超时 {t}</source>
        <translation>Signing overdue {t}</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_columns.py" line="76" />
        <source>{at}前签收</source>
        <translation>sign by {at}</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_columns.py" line="82" />
        <source>超时 {t}</source>
        <translation>Overdue {t}</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_columns.py" line="91" />
        <source>编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_columns.py" line="92" />
        <source>受理时间</source>
        <translation>Accepted at</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_columns.py" line="94" />
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_columns.py" line="95" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_columns.py" line="98" />
        <source>案件历时</source>
        <translation>Case age</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_columns.py" line="100" />
        <source>单位剩余</source>
        <translation>Unit time left</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_columns.py" line="102" />
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_columns.py" line="104" />
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_columns.py" line="106" />
        <source>街道</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_columns.py" line="108" />
        <source>诉求内容</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_columns.py" line="110" />
        <source>来电号码</source>
        <translation>Caller number</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_columns.py" line="111" />
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_columns.py" line="113" />
        <source>办理时限</source>
        <translation>Due</translation>
    </message>
</context>
<context>
    <name>CategoryPicker</name>
    <message>
        <location filename="../../widgets/common/pickers.py" line="35" />
        <source>输入分类名称或拼音首字母，如 dlps</source>
        <translation>Category name or pinyin initials, e.g. dlps</translation>
    </message>
</context>
<context>
    <name>ClockRuleTab</name>
    <message>
        <location filename="../../widgets/supervision/clock_rule_tab.py" line="27" />
        <source>分拨起算（派遣即开始计时）</source>
        <translation>From dispatch (the clock starts when the case is dispatched)</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/clock_rule_tab.py" line="28" />
        <source>签收起算（单位签收后开始计时）</source>
        <translation>From signing (the clock starts when the unit signs)</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/clock_rule_tab.py" line="32" />
        <source>派遣后几个工作小时内须签收（9:00–18:00 计）</source>
        <translation>Working hours after dispatch within which the unit signs (09:00–18:00 count)</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/clock_rule_tab.py" line="34" />
        <source>派遣后几个工作日内可申请退回</source>
        <translation>Working days after dispatch within which the unit may apply to return</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/clock_rule_tab.py" line="25" />
        <source>保存计时规则</source>
        <translation>Save the clock rule</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/clock_rule_tab.py" line="35" />
        <source>单位时限起算</source>
        <translation>Unit's limit starts</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/clock_rule_tab.py" line="36" />
        <source>签收时限（工作小时）</source>
        <translation>Sign limit (working hours)</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/clock_rule_tab.py" line="37" />
        <source>退回申请期（工作日）</source>
        <translation>Return window (working days)</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/clock_rule_tab.py" line="39" />
        <source>已派遣的案件保留原有的计时和签收时限；新规则从下一次派遣起适用。</source>
        <translation>Cases already dispatched keep their clocks and sign deadlines; the new rule applies from the next dispatch.</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/clock_rule_tab.py" line="49" />
        <source>现行（第 {v} 版）：{start}；签收时限 {h} 个工作小时；退回申请期 {d} 个工作日</source>
        <translation>In force (version {v}): {start}; signing within {h} working hours; return applications within {d} working days</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/clock_rule_tab.py" line="63" />
        <source>请填写整数：签收时限 1–72 个工作小时，退回申请期 1–30 个工作日</source>
        <translation>Enter whole numbers: sign limit 1–72 working hours, return window 1–30 working days</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/clock_rule_tab.py" line="70" />
        <source>已保存计时规则</source>
        <translation>Clock rule saved</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../widgets/common/commands.py" line="94" />
        <source>模拟来电…</source>
        <translation>Simulate Incoming Call…</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="96" />
        <source>新建诉求</source>
        <translation>New Request</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="98" />
        <source>转到来电登记</source>
        <translation>Go to Call Intake</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="101" />
        <source>转到案件队列</source>
        <translation>Go to Case Queue</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="103" />
        <source>转到倒计时</source>
        <translation>Go to Countdowns</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="105" />
        <source>转到电话回访</source>
        <translation>Go to Callbacks</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="107" />
        <source>转到现场核查</source>
        <translation>Go to field verification</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="110" />
        <source>转到督办台</source>
        <translation>Go to Supervision Board</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="112" />
        <source>转到承办单位</source>
        <translation>Go to the unit view</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="115" />
        <source>转到地图</source>
        <translation>Go to the map</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="117" />
        <source>导出地图图片…</source>
        <translation>Export the map as an image…</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="119" />
        <source>转到统计</source>
        <translation>Go to statistics</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="123" />
        <source>排班</source>
        <translation>Roster</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="125" />
        <source>查岗点名</source>
        <translation>Roll call</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="127" />
        <source>交接班</source>
        <translation>Handover</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="129" />
        <source>值班报表…</source>
        <translation>Duty reports…</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="133" />
        <source>搜索秒回知识库</source>
        <translation>Search Quick Answers</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="135" />
        <source>刷新队列</source>
        <translation>Refresh Queue</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="136" />
        <source>恢复默认布局</source>
        <translation>Reset Layout</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="137" />
        <source>办理时限与工作日…</source>
        <translation>Time Limits and Working Days…</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="138" />
        <source>账号管理…</source>
        <translation>Accounts…</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="139" />
        <source>导入辖区边界…</source>
        <translation>Import district boundaries…</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="140" />
        <source>导入历史案件…</source>
        <translation>Import past cases…</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="141" />
        <source>新 A 类案件</source>
        <translation>New A-Class Cases</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="142" />
        <source>案件超时</source>
        <translation>Cases Going Overdue</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="143" />
        <source>督办回复到期</source>
        <translation>Order Replies Falling Due</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="144" />
        <source>提醒时发出声音</source>
        <translation>Sound with Alerts</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="145" />
        <source>中文</source>
        <translation>中文 (Chinese)</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="146" />
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="147" />
        <source>导出案件…</source>
        <translation>Export cases…</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="150" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="152" />
        <source>当场答复</source>
        <translation>Answer now</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="155" />
        <source>下一项</source>
        <translation>Next field</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="158" />
        <location filename="../../widgets/common/commands.py" line="182" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="164" />
        <source>换行</source>
        <translation>New line</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="166" />
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="168" />
        <source>恢复刚清空的内容</source>
        <translation>Put back what was cleared</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="170" />
        <source>记为重复来电</source>
        <translation>Record as duplicate</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="172" />
        <source>地图选点</source>
        <translation>Pick on map</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="177" />
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="180" />
        <source>离开文本框</source>
        <translation>Leave the text box</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="185" />
        <source>转到结果</source>
        <translation>Go to the results</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="187" />
        <source>采用答复</source>
        <translation>Use the answer</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="189" />
        <source>返回搜索</source>
        <translation>Back to the search</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="193" />
        <source>未接通</source>
        <translation>No answer</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="195" />
        <source>未解决（重新办理）</source>
        <translation>Not fixed (reopen)</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="198" />
        <source>核查通过（结案）</source>
        <translation>Verified (close)</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="200" />
        <source>核查未通过（重新办理）</source>
        <translation>Verification failed (handle again)</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="204" />
        <source>应答</source>
        <translation>Answered</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="206" />
        <source>迟到（输入分钟后回车）</source>
        <translation>Late (type the minutes, Enter)</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="208" />
        <source>缺岗</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="209" />
        <source>无人应答</source>
        <translation>No answer</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="210" />
        <source>开始点名（在岗岗位）</source>
        <translation>Start roll call (posts on duty)</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="211" />
        <source>结束点名</source>
        <translation>Finish roll call</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="213" />
        <source>请假/顶班…</source>
        <translation>Leave / stand-in…</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="215" />
        <source>调班…</source>
        <translation>Swap…</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="217" />
        <source>换人…</source>
        <translation>Replace…</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="219" />
        <source>撤下</source>
        <translation>Take off</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="221" />
        <source>生成本月排班</source>
        <translation>Generate this month</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="223" />
        <source>签收</source>
        <translation>Sign for</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="225" />
        <source>申请退回…</source>
        <translation>Apply to return…</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="227" />
        <source>申请延期…</source>
        <translation>Apply for an extension…</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="229" />
        <source>记录进展…</source>
        <translation>Record progress…</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="231" />
        <source>回复办结…</source>
        <translation>Reply with the result…</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="233" />
        <source>转派社区…</source>
        <translation>Send on to a community…</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="235" />
        <source>同意</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="238" />
        <source>不同意…</source>
        <translation>Refuse…</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="241" />
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="242" />
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="243" />
        <source>全区</source>
        <translation>Whole district</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="244" />
        <source>左移</source>
        <translation>Pan left</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="245" />
        <source>右移</source>
        <translation>Pan right</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="246" />
        <source>上移</source>
        <translation>Pan up</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="247" />
        <source>下移</source>
        <translation>Pan down</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="248" />
        <source>热点列表</source>
        <translation>Hotspot list</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="251" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="253" />
        <source>十字左移</source>
        <translation>Crosshair left</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="254" />
        <source>十字右移</source>
        <translation>Crosshair right</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="255" />
        <source>十字上移</source>
        <translation>Crosshair up</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="256" />
        <source>十字下移</source>
        <translation>Crosshair down</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="257" />
        <source>选定十字处</source>
        <translation>Pick at crosshair</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="259" />
        <source>取消选点</source>
        <translation>Cancel picking</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="262" />
        <source>督办所选案件…</source>
        <translation>Supervise Selected…</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="266" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="267" />
        <source>来电(&amp;C)</source>
        <translation>&amp;Call</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="268" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="269" />
        <source>值班(&amp;D)</source>
        <translation>&amp;Duty</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="270" />
        <source>统计(&amp;S)</source>
        <translation>&amp;Statistics</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="271" />
        <source>提醒(&amp;T)</source>
        <translation>Aler&amp;ts</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="272" />
        <source>管理(&amp;A)</source>
        <translation>&amp;Admin</translation>
    </message>
    <message>
        <location filename="../../widgets/common/commands.py" line="273" />
        <source>语言(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/commands.py" line="23" />
        <source>常用</source>
        <translation>Main Toolbar</translation>
    </message>
</context>
<context>
    <name>CountdownModel</name>
    <message>
        <location filename="../../widgets/casework/countdown_model.py" line="54" />
        <source>剩余时间</source>
        <translation>Time left</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/countdown_model.py" line="54" />
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/countdown_model.py" line="54" />
        <source>级别</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/countdown_model.py" line="54" />
        <source>案件历时</source>
        <translation>Case age</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/countdown_model.py" line="55" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/countdown_model.py" line="55" />
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/countdown_model.py" line="55" />
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/countdown_model.py" line="56" />
        <source>办理时限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/countdown_model.py" line="164" />
        <source>单位的计时从签收起算，尚未开始；须于 {at} 前签收</source>
        <translation>The unit's clock starts at its signing and has not started; to be signed by {at}</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/countdown_model.py" line="174" />
        <source>暂停 {t}</source>
        <translation>Paused {t}</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/countdown_model.py" line="175" />
        <source>超时 {t}</source>
        <translation>Overdue {t}</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/countdown_model.py" line="185" />
        <source>（估）</source>
        <translation> (est.)</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/countdown_model.py" line="193" />
        <source>{at}前签收</source>
        <translation>sign by {at}</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/countdown_model.py" line="198" />
        <source>责任单位的办理时限还剩多少（案件在中心、或单位尚未签收而按签收起算时，为案件的时限）</source>
        <translation>Time left of the responsible unit's limit (the case's own limit while the case is at the centre, or while the unit has not signed and its clock starts at signing)</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/countdown_model.py" line="201" />
        <source>自受理起案件已历时多久（含中心派遣前的时间）</source>
        <translation>How long since the case was accepted (including the centre's time before dispatch)</translation>
    </message>
</context>
<context>
    <name>CountdownPanel</name>
    <message>
        <location filename="../../widgets/casework/countdown_panel.py" line="146" />
        <source>未办结 {n} 件：超时 {over} 件，剩余不足四分之一 {short} 件</source>
        <translation>{n} open cases: {over} overdue, {short} with under a quarter of their time left</translation>
    </message>
</context>
<context>
    <name>DayTab</name>
    <message>
        <location filename="../../widgets/duty/roster_tabs.py" line="49" />
        <source>按岗位、姓名、班组或班次筛选</source>
        <translation>Filter by post, name, team or shift</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_tabs.py" line="76" />
        <source> · 排班 {n} 人</source>
        <translation> · {n} rostered</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_tabs.py" line="78" />
        <source> · 请假 {n} 人</source>
        <translation> · {n} on leave</translation>
    </message>
</context>
<context>
    <name>DisputeBriefing</name>
    <message>
        <location filename="../../widgets/supervision/dispute_briefing.py" line="41" />
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/dispute_briefing.py" line="42" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/dispute_briefing.py" line="43" />
        <source>首问责任单位</source>
        <translation>First unit asked</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/dispute_briefing.py" line="44" />
        <source>争议提出</source>
        <translation>Disputed at</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/dispute_briefing.py" line="45" />
        <source>已历工作日</source>
        <translation>Working days</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/dispute_briefing.py" line="46" />
        <source>争议原因</source>
        <translation>Reason for the dispute</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/dispute_briefing.py" line="47" />
        <source>提请区领导协调</source>
        <translation>Referred to the district leader</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/dispute_briefing.py" line="56" />
        <source>复制列表</source>
        <translation>Copy List</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/dispute_briefing.py" line="70" />
        <source>{days} 个工作日以上未解决的争议：{n} 件</source>
        <translation>Disputes unsettled for {days} working days or more: {n}</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/dispute_briefing.py" line="72" />
        <source>没有 {days} 个工作日以上未解决的争议</source>
        <translation>No dispute unsettled for {days} working days or more</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/dispute_briefing.py" line="89" />
        <source>已复制 {n} 件</source>
        <translation>Copied {n} cases</translation>
    </message>
</context>
<context>
    <name>DuplicatePanel</name>
    <message>
        <location filename="../../widgets/hotline/duplicate_candidates.py" line="124" />
        <source>同一来电人</source>
        <translation>same caller</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/duplicate_candidates.py" line="124" />
        <source>同网格同类</source>
        <translation>same cell and category</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/duplicate_candidates.py" line="125" />
        <source>内容相似</source>
        <translation>similar text</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/duplicate_candidates.py" line="136" />
        <source>疑似重复 {n} 件：按 F8 将本次来电记为所选案件的重复件</source>
        <translation>{n} possible duplicates: press F8 to record this call as a duplicate of the selected case</translation>
    </message>
</context>
<context>
    <name>FactsDialog</name>
    <message>
        <location filename="../../widgets/common/facts_dialog.py" line="65" />
        <source>决定时间</source>
        <translation>Decided at</translation>
    </message>
    <message>
        <location filename="../../widgets/common/facts_dialog.py" line="69" />
        <source>可不填：写给责任单位的话，记入办理过程</source>
        <translation>Optional: a note for the unit, kept in the case history</translation>
    </message>
    <message>
        <location filename="../../widgets/common/facts_dialog.py" line="71" />
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../widgets/common/facts_dialog.py" line="97" />
        <source>建议：{unit}（分类的责任单位）</source>
        <translation>Suggested: {unit} (the category's responsible unit)</translation>
    </message>
    <message>
        <location filename="../../widgets/common/facts_dialog.py" line="98" />
        <source>建议：{unit}（事发街道）</source>
        <translation>Suggested: {unit} (the street where it happened)</translation>
    </message>
    <message>
        <location filename="../../widgets/common/facts_dialog.py" line="119" />
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <location filename="../../widgets/common/facts_dialog.py" line="124" />
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../../widgets/common/facts_dialog.py" line="129" />
        <source>新的紧急程度</source>
        <translation>New class</translation>
    </message>
    <message>
        <location filename="../../widgets/common/facts_dialog.py" line="133" />
        <source>主件编号</source>
        <translation>Master case number</translation>
    </message>
    <message>
        <location filename="../../widgets/common/facts_dialog.py" line="137" />
        <source>如：王副区长</source>
        <translation>e.g. Deputy District Head Wang</translation>
    </message>
    <message>
        <location filename="../../widgets/common/facts_dialog.py" line="138" />
        <source>作出决定的区领导</source>
        <translation>District leader who decided</translation>
    </message>
    <message>
        <location filename="../../widgets/common/facts_dialog.py" line="139" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../widgets/common/facts_dialog.py" line="139" />
        <source>办理结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../widgets/common/facts_dialog.py" line="140" />
        <source>答复内容</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../widgets/common/facts_dialog.py" line="140" />
        <source>回复内容</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../widgets/common/facts_dialog.py" line="141" />
        <source>提请协调的说明</source>
        <translation>Why the district leader should coordinate</translation>
    </message>
    <message>
        <location filename="../../widgets/common/facts_dialog.py" line="141" />
        <source>区领导的决定</source>
        <translation>The leader's decision</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../widgets/accounts/first_run_dialog.py" line="34" />
        <source>首次使用：设置本机管理员</source>
        <translation>First run: the local administrator</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/first_run_dialog.py" line="38" />
        <source>本机数据库首次启动。请设置管理员账号和密码；以后每次启动都需用它登录，其他值班人员的账号可在“管理 → 账号管理”中创建。</source>
        <translation>This seat's database starts for the first time. Choose the administrator's login and password; every later start asks for them. Accounts for the other staff are made under Admin → Accounts.</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/first_run_dialog.py" line="55" />
        <source>登录名</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/first_run_dialog.py" line="56" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/first_run_dialog.py" line="57" />
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/first_run_dialog.py" line="58" />
        <source>再次输入</source>
        <translation>Again</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/first_run_dialog.py" line="70" />
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
</context>
<context>
    <name>ForwardedList</name>
    <message>
        <location filename="../../widgets/units/forwarded_list.py" line="40" />
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../widgets/units/forwarded_list.py" line="41" />
        <source>转派给</source>
        <translation>Dispatched on to</translation>
    </message>
    <message>
        <location filename="../../widgets/units/forwarded_list.py" line="42" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../widgets/units/forwarded_list.py" line="43" />
        <source>签收剩余</source>
        <translation>Left to sign</translation>
    </message>
    <message>
        <location filename="../../widgets/units/forwarded_list.py" line="44" />
        <source>办结剩余</source>
        <translation>Left to finish</translation>
    </message>
    <message>
        <location filename="../../widgets/units/forwarded_list.py" line="45" />
        <source>诉求</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../../widgets/units/forwarded_list.py" line="65" />
        <source>已转派社区的案件 {n} 件（只读：由社区签收、回复和申请）</source>
        <translation>{n} cases dispatched on to communities (read only: the community signs, replies and applies)</translation>
    </message>
    <message>
        <location filename="../../widgets/units/forwarded_list.py" line="72" />
        <source>超时 {t}</source>
        <translation>Overdue {t}</translation>
    </message>
    <message>
        <location filename="../../widgets/units/forwarded_list.py" line="75" />
        <source>待社区签收</source>
        <translation>Awaiting the community's signing</translation>
    </message>
    <message>
        <location filename="../../widgets/units/forwarded_list.py" line="77" />
        <source>已转派 · {state}</source>
        <translation>Dispatched on · {state}</translation>
    </message>
    <message>
        <location filename="../../widgets/units/forwarded_list.py" line="81" />
        <source>已签收</source>
        <translation>Signed</translation>
    </message>
</context>
<context>
    <name>HandoverForm</name>
    <message>
        <location filename="../../widgets/duty/handover_form.py" line="56" />
        <source>交班事项：需下一班跟进的案件、缺岗处理情况、设备与其他情况</source>
        <translation>Handover notes: cases the next shift must follow up, how absences were handled, equipment and anything else</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_form.py" line="60" />
        <source>提交交班</source>
        <translation>Hand over</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_form.py" line="64" />
        <source>接班意见（可不填）</source>
        <translation>Remark on taking over (optional)</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_form.py" line="65" />
        <source>接班签字</source>
        <translation>Sign and take over</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_form.py" line="68" />
        <source>交班内容（交班值班长填写）</source>
        <translation>Handover notes (outgoing shift leader)</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_form.py" line="73" />
        <source>接班签字（接班值班长）</source>
        <translation>Sign-off (incoming shift leader)</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_form.py" line="91" />
        <source>只有值班长可以填写交班内容</source>
        <translation>Only shift leaders write handovers</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_form.py" line="116" />
        <source>本班已由 {who} 签字接班，您输入的内容未能提交，仍留在输入框中供复制</source>
        <translation>{who} has already signed this shift over; your text was not saved and is still in the box to copy</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_form.py" line="119" />
        <source>已恢复您在本班未提交的交班内容</source>
        <translation>Your unsaved notes for this shift are back</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_form.py" line="121" />
        <source>交班内容已被 {who} 更新（{at}），您正在输入的内容已保留；对方的内容见摘要末尾，请合并后再提交</source>
        <translation>{who} updated the handover ({at}); what you are typing is kept; their notes are at the end of the summary: merge them before handing over</translation>
    </message>
</context>
<context>
    <name>HandoverHistory</name>
    <message>
        <location filename="../../widgets/duty/handover_history.py" line="28" />
        <source>日期</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_history.py" line="29" />
        <source>班次</source>
        <translation>Shift</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_history.py" line="30" />
        <source>交班人</source>
        <translation>Outgoing</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_history.py" line="31" />
        <source>接班人</source>
        <translation>Incoming</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_history.py" line="31" />
        <source>待签收</source>
        <translation>Awaiting sign-off</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_history.py" line="32" />
        <source>签收时间</source>
        <translation>Signed at</translation>
    </message>
</context>
<context>
    <name>HandoverPane</name>
    <message>
        <location filename="../../widgets/duty/handover_pane.py" line="74" />
        <source>保存中…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_pane.py" line="77" />
        <source>交接班摘要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_pane.py" line="78" />
        <source>近 30 天交接班记录</source>
        <translation>Handovers, last 30 days</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_pane.py" line="118" />
        <source>现在不在任何班次时间内：请在班次设置中检查班次</source>
        <translation>Now is in no shift: check the shift templates</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_pane.py" line="143" />
        <source>正在读取…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_pane.py" line="223" />
        <source>已提交交班，待接班值班长签字</source>
        <translation>Handed over; waiting for the incoming shift leader to sign</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_pane.py" line="230" />
        <source>已签字接班</source>
        <translation>Signed; the shift is taken over</translation>
    </message>
</context>
<context>
    <name>Heat</name>
    <message>
        <location filename="../../widgets/map/heat.py" line="94" />
        <source>热点{level}：案件最多的前 {n} 个</source>
        <translation>Hotspots ({level}): the {n} with the most cases</translation>
    </message>
    <message>
        <location filename="../../widgets/map/heat.py" line="96" />
        <source>热点{level}</source>
        <translation>Hotspots ({level})</translation>
    </message>
    <message>
        <location filename="../../widgets/map/heat.py" line="152" />
        <source>队列只显示{name}的案件（点队列上方的标签恢复全部）</source>
        <translation>The queue shows only the cases of {name} (click the tag above the queue to show all again)</translation>
    </message>
    <message>
        <location filename="../../widgets/map/heat.py" line="181" />
        <source>{name}：{period}无案件</source>
        <translation>{name}: no cases in {period}</translation>
    </message>
    <message>
        <location filename="../../widgets/map/heat.py" line="183" />
        <source>{name}：案件 {cases} · 超期 {overdue} · 按期率 {rate}</source>
        <translation>{name}: cases {cases} · overdue {overdue} · on-time rate {rate}</translation>
    </message>
    <message>
        <location filename="../../widgets/map/heat.py" line="187" />
        <source>（可评判仅 {n} 件，太少，不着色）</source>
        <translation> (only {n} judged: too few, not coloured)</translation>
    </message>
    <message>
        <location filename="../../widgets/map/heat.py" line="202" />
        <source>{measure}（按{level}）</source>
        <translation>{measure} by {level}</translation>
    </message>
    <message>
        <location filename="../../widgets/map/heat.py" line="209" />
        <source>时段：{p}</source>
        <translation>Period: {p}</translation>
    </message>
    <message>
        <location filename="../../widgets/map/heat.py" line="210" />
        <source>分类：{c}</source>
        <translation>Category: {c}</translation>
    </message>
    <message>
        <location filename="../../widgets/map/heat.py" line="212" />
        <source>无案件</source>
        <translation>No cases</translation>
    </message>
    <message>
        <location filename="../../widgets/map/heat.py" line="214" />
        <source>有案件，尚无可评判</source>
        <translation>Cases, none judged yet</translation>
    </message>
    <message>
        <location filename="../../widgets/map/heat.py" line="215" />
        <source>案件太少（可评判不足 {n} 件），不计比率</source>
        <translation>Too few cases (under {n} judged): no rate</translation>
    </message>
    <message>
        <location filename="../../widgets/map/heat.py" line="219" />
        <source>所选时段和分类没有案件</source>
        <translation>No cases in this period and category</translation>
    </message>
    <message>
        <location filename="../../widgets/map/heat.py" line="220" />
        <source>热力：{t}</source>
        <translation>Heat: {t}</translation>
    </message>
</context>
<context>
    <name>HeatBar</name>
    <message>
        <location filename="../../widgets/map/heat_controls.py" line="58" />
        <source>全部分类（可输入大类、小类或拼音首字母）</source>
        <translation>All categories (type a category of any level, or pinyin initials)</translation>
    </message>
    <message>
        <location filename="../../widgets/map/heat_controls.py" line="60" />
        <source>按哪一级区域</source>
        <translation>Which level of area</translation>
    </message>
    <message>
        <location filename="../../widgets/map/heat_controls.py" line="61" />
        <source>填色的指标</source>
        <translation>The figure the areas are filled by</translation>
    </message>
    <message>
        <location filename="../../widgets/map/heat_controls.py" line="62" />
        <source>受理时间在哪个时段</source>
        <translation>The period the cases were received in</translation>
    </message>
    <message>
        <location filename="../../widgets/map/heat_controls.py" line="87" />
        <source>全部分类</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../widgets/map/heat_controls.py" line="90" />
        <source>{name}（含下级）</source>
        <translation>{name} (with subcategories)</translation>
    </message>
</context>
<context>
    <name>HistoryImport</name>
    <message>
        <location filename="../../widgets/history_import/mapping_table.py" line="32" />
        <source>编号</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/mapping_table.py" line="32" />
        <source>登记时间</source>
        <translation>Time recorded</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/mapping_table.py" line="32" />
        <source>受理时间</source>
        <translation>Time accepted</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/mapping_table.py" line="33" />
        <source>分拨时间</source>
        <translation>Time dispatched</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/mapping_table.py" line="33" />
        <source>办结时间</source>
        <translation>Time resolved</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/mapping_table.py" line="34" />
        <source>归档时间</source>
        <translation>Time closed</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/mapping_table.py" line="34" />
        <source>应办结时间</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/mapping_table.py" line="34" />
        <source>来源渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/mapping_table.py" line="35" />
        <source>诉求性质</source>
        <translation>Nature</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/mapping_table.py" line="35" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/mapping_table.py" line="35" />
        <source>事项分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/mapping_table.py" line="36" />
        <source>街道</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/mapping_table.py" line="36" />
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/mapping_table.py" line="36" />
        <source>承办单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/mapping_table.py" line="37" />
        <source>诉求内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/mapping_table.py" line="37" />
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/mapping_table.py" line="37" />
        <source>经度</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/mapping_table.py" line="37" />
        <source>纬度</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/mapping_table.py" line="38" />
        <source>按期标志</source>
        <translation>On-time flag</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/mapping_table.py" line="38" />
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/mapping_table.py" line="55" />
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/mapping_table.py" line="55" />
        <source>来源中的名称</source>
        <translation>Name in the source</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/mapping_table.py" line="55" />
        <source>行数</source>
        <translation>Rows</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/mapping_table.py" line="55" />
        <source>对应为</source>
        <translation>Maps to</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/mapping_table.py" line="72" />
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/mapping_table.py" line="90" />
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/mapping_table.py" line="92" />
        <source>新建：{name}</source>
        <translation>New: {name}</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/mapping_table.py" line="94" />
        <source>留空（不填）</source>
        <translation>Leave empty</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/mapping_table.py" line="96" />
        <source>{name}（建议）</source>
        <translation>{name} (suggested)</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/problems_table.py" line="34" />
        <location filename="../../widgets/history_import/problems_table.py" line="52" />
        <source>行</source>
        <translation>Line</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/problems_table.py" line="34" />
        <location filename="../../widgets/history_import/problems_table.py" line="52" />
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/problems_table.py" line="34" />
        <location filename="../../widgets/history_import/problems_table.py" line="52" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>HistoryImportDialog</name>
    <message>
        <location filename="../../widgets/history_import/import_dialog.py" line="46" />
        <source>导入历史案件</source>
        <translation>Import past cases</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/import_dialog.py" line="53" />
        <source>要导入的文件（CSV，或 Open311 的 JSON/XML）</source>
        <translation>File to import (CSV, or Open311 JSON/XML)</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/import_dialog.py" line="54" />
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/import_dialog.py" line="56" />
        <source>读取并检查</source>
        <translation>Read and check</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/import_dialog.py" line="65" />
        <source>其余全部新建</source>
        <translation>Create all the rest</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/import_dialog.py" line="66" />
        <location filename="../../widgets/history_import/import_dialog.py" line="190" />
        <source>需要对应的名称</source>
        <translation>Names to map</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/import_dialog.py" line="68" />
        <source>复制全部</source>
        <translation>Copy all</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/import_dialog.py" line="69" />
        <source>不能导入的行</source>
        <translation>Rows not importable</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/import_dialog.py" line="70" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/import_dialog.py" line="213" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/import_dialog.py" line="90" />
        <source>导入方案</source>
        <translation>Profile</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/import_dialog.py" line="118" />
        <source>选择要导入的文件</source>
        <translation>Choose the file to import</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/import_dialog.py" line="119" />
        <source>导出文件 (*.csv *.json *.xml);;所有文件 (*)</source>
        <translation>Exports (*.csv *.json *.xml);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/import_dialog.py" line="126" />
        <source>请选择导入方案和文件</source>
        <translation>Choose a profile and a file</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/import_dialog.py" line="142" />
        <source>需要对应的名称（{n}）</source>
        <translation>Names to map ({n})</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/import_dialog.py" line="143" />
        <location filename="../../widgets/history_import/import_dialog.py" line="191" />
        <source>不能导入的行（{n}）</source>
        <translation>Rows not importable ({n})</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/import_dialog.py" line="146" />
        <source>共 {n} 行：可导入 {ok} 行，此前已导入 {already} 行（跳过），不能导入 {bad} 行</source>
        <translation>{n} rows: {ok} to import, {already} imported before (skipped), {bad} not importable</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/import_dialog.py" line="151" />
        <source>；表中列出前 {shown} 行，可复制全部</source>
        <translation>; the table lists the first {shown}, copy all to see every one</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/import_dialog.py" line="159" />
        <location filename="../../widgets/history_import/import_dialog.py" line="172" />
        <source>还有 {n} 个名称需要选择对应或新建</source>
        <translation>{n} names still to map or create</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/import_dialog.py" line="160" />
        <source>可以导入</source>
        <translation>Ready to import</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/import_dialog.py" line="184" />
        <source>已导入 {n} 件；此前已导入 {already} 件；不能导入 {bad} 行；新建名称 {made} 个。导入方案「{name}」已保存（第 {version} 版）</source>
        <translation>Imported {n} cases; {already} imported before; {bad} rows not importable; {made} names created. Profile "{name}" saved (version {version})</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/import_dialog.py" line="204" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/import_dialog.py" line="225" />
        <source>读取文件</source>
        <translation>Reading the file</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/import_dialog.py" line="225" />
        <source>检查各行</source>
        <translation>Checking the rows</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/import_dialog.py" line="226" />
        <source>新建名称</source>
        <translation>Creating names</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/import_dialog.py" line="226" />
        <source>写入案件</source>
        <translation>Writing cases</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/import_dialog.py" line="227" />
        <source>记录历史</source>
        <translation>Recording history</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/import_dialog.py" line="227" />
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../widgets/history_import/import_dialog.py" line="228" />
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>HotspotList</name>
    <message>
        <location filename="../../widgets/map/hotspots.py" line="60" />
        <source>区域</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../../widgets/map/hotspots.py" line="60" />
        <source>案件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../widgets/map/hotspots.py" line="60" />
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../widgets/map/hotspots.py" line="61" />
        <source>按期率</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../widgets/map/hotspots.py" line="75" />
        <source>所选时段和分类没有案件</source>
        <translation>No cases in this period and category</translation>
    </message>
</context>
<context>
    <name>IntakeChart</name>
    <message>
        <location filename="../../widgets/stats/charts.py" line="84" />
        <source>{h}时</source>
        <translation>{h}:00</translation>
    </message>
</context>
<context>
    <name>LadderRuleTab</name>
    <message>
        <location filename="../../widgets/supervision/ladder_rule_tab.py" line="28" />
        <source>如 75 表示用去 75% 时限时提醒</source>
        <translation>e.g. 75: remind when 75% of the time limit is used</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/ladder_rule_tab.py" line="30" />
        <source>首次催办后几个工作小时仍超期，催办单位领导</source>
        <translation>working hours after the first urge before the unit's leader is urged</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/ladder_rule_tab.py" line="32" />
        <source>超时几个工作日后可督办</source>
        <translation>working days overdue before supervision</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/ladder_rule_tab.py" line="34" />
        <source>争议几个工作日未解决，列入值班周报</source>
        <translation>working days a dispute stays unsettled before the weekly briefing lists it</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/ladder_rule_tab.py" line="26" />
        <source>保存升级规则</source>
        <translation>Save escalation rule</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/ladder_rule_tab.py" line="35" />
        <source>提醒（时限用去 %）</source>
        <translation>Reminder (% of the limit used)</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/ladder_rule_tab.py" line="36" />
        <source>二次催办（单位领导，超时工作小时）</source>
        <translation>Second urge, to the unit's leader (working hours overdue)</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/ladder_rule_tab.py" line="37" />
        <source>可督办（超时工作日）</source>
        <translation>Supervision after (working days overdue)</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/ladder_rule_tab.py" line="38" />
        <source>未决争议通报（工作日）</source>
        <translation>Unsettled disputes in the briefing (working days)</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/ladder_rule_tab.py" line="47" />
        <source>现行（第 {v} 版）：用去 {share}% 时限时提醒；超时后催办，再过 {h} 个工作小时催办单位领导；超时 {d} 个工作日可督办；争议 {b} 个工作日未解决列入周报</source>
        <translation>In force (version {v}): a reminder when {share}% of the limit is used; an urge when overdue, the unit's leader urged {h} working hours later; supervision after {d} working days overdue; disputes unsettled for {b} working days go to the weekly briefing</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/ladder_rule_tab.py" line="69" />
        <source>请填写数字：提醒比例 1–99，二次催办工作小时 1–720，督办工作日 0 或以上，争议通报工作日 0–366</source>
        <translation>Enter numbers: a reminder share of 1–99, 1–720 working hours before the second urge, 0 or more working days before supervision and 0–366 working days before the briefing lists a dispute</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/ladder_rule_tab.py" line="76" />
        <source>已保存升级规则</source>
        <translation>Escalation rule saved</translation>
    </message>
</context>
<context>
    <name>LateBar</name>
    <message>
        <location filename="../../widgets/duty/roll_call_keys.py" line="64" />
        <source>迟到分钟：</source>
        <translation>Minutes late:</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_keys.py" line="76" />
        <source>「{post}」迟到分钟：</source>
        <translation>"{post}" minutes late:</translation>
    </message>
</context>
<context>
    <name>LayerRow</name>
    <message>
        <location filename="../../widgets/geo/layer_row.py" line="43" />
        <source>选择{level}文件…</source>
        <translation>Choose a {level} file…</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/layer_row.py" line="46" />
        <source>不导入</source>
        <translation>Don't import</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/layer_row.py" line="48" />
        <location filename="../../widgets/geo/layer_row.py" line="95" />
        <source>（保留现有{level}）</source>
        <translation>(keep the present {level} boundaries)</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/layer_row.py" line="58" />
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/layer_row.py" line="58" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/layer_row.py" line="58" />
        <source>所属上级</source>
        <translation>Parent</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/layer_row.py" line="68" />
        <source>选择{level}边界文件</source>
        <translation>Choose the {level} boundary file</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/layer_row.py" line="69" />
        <source>GeoJSON 文件 (*.geojson *.json);;所有文件 (*)</source>
        <translation>GeoJSON files (*.geojson *.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/layer_row.py" line="75" />
        <source>读取中…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/layer_row.py" line="101" />
        <source>{name}：{count} 个要素（{types}）</source>
        <translation>{name}: {count} features ({types})</translation>
    </message>
    <message>
        <location filename="../../widgets/geo/layer_row.py" line="106" />
        <source>（按位置判断）</source>
        <translation>(by where it lies)</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../widgets/accounts/login_dialog.py" line="64" />
        <source>登录 — 12345 热线坐席</source>
        <translation>Log in — 12345 hotline seat</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/login_dialog.py" line="73" />
        <source>尽量加密 (prefer)</source>
        <translation>Encrypt when possible (prefer)</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/login_dialog.py" line="74" />
        <source>必须加密 (require)</source>
        <translation>Always encrypt (require)</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/login_dialog.py" line="75" />
        <source>加密并校验服务器证书 (verify-full)</source>
        <translation>Encrypt and verify the server certificate (verify-full)</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/login_dialog.py" line="79" />
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/login_dialog.py" line="84" />
        <source>在本机记住密码（存入系统密钥环）</source>
        <translation>Remember the password on this seat (in the system keyring)</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/login_dialog.py" line="88" />
        <source>本机没有可用的密钥环：每次登录都需输入密码</source>
        <translation>This seat has no usable keyring: the password is asked at every login</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/login_dialog.py" line="99" />
        <source>服务器</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/login_dialog.py" line="100" />
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/login_dialog.py" line="101" />
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/login_dialog.py" line="102" />
        <source>加密连接</source>
        <translation>Encryption</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/login_dialog.py" line="103" />
        <source>CA 证书</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/login_dialog.py" line="111" />
        <source>登录本机控制台：请输入您的账号和密码</source>
        <translation>Log in to this computer's console with your user name and password</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/login_dialog.py" line="120" />
        <source>CA 证书文件</source>
        <translation>CA certificate file</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/login_dialog.py" line="47" />
        <source>请输入用户名</source>
        <translation>Enter your user name</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/login_dialog.py" line="48" />
        <source>校验服务器证书需要 CA 证书文件</source>
        <translation>Verifying the server certificate needs a CA certificate file</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/login_dialog.py" line="138" />
        <source>正在登录…</source>
        <translation>Logging in…</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/login_dialog.py" line="36" />
        <source>用户名或密码不对，或账号已停用：请重新输入；仍不行请联系系统管理员</source>
        <translation>Wrong user name or password, or the account is disabled: please try again; if it still fails, contact the system administrator</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/login_dialog.py" line="37" />
        <source>连不上服务器 {server}：请检查网络和服务器地址，或稍后再试</source>
        <translation>Cannot reach the server {server}: check the network and the server address, or try again later</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/login_dialog.py" line="38" />
        <source>服务器 {server} 在应答，但安全连接没有建立：请检查 CA 证书文件和服务器名称</source>
        <translation>The server {server} answers, but no secure connection could be made: check the CA certificate file and the server name</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts/login_dialog.py" line="40" />
        <source>服务器 {server} 拒绝了这次登录（原因已记入日志）：请联系系统管理员</source>
        <translation>The server {server} refused this login (the reason is in the log): please contact the system administrator</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../widgets/shell/main_window.py" line="52" />
        <source>坪山区指挥中心 · 12345 热线坐席 — {user}</source>
        <translation>Pingshan District Command Centre · 12345 hotline desk — {user}</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/main_window.py" line="70" />
        <source>来电登记</source>
        <translation>Call intake</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/main_window.py" line="71" />
        <source>案件队列</source>
        <translation>Case queue</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/main_window.py" line="73" />
        <source>倒计时</source>
        <translation>Countdowns</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/main_window.py" line="77" />
        <source>秒回知识库</source>
        <translation>Quick answers</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/main_window.py" line="82" />
        <source>督办台</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/main_window.py" line="88" />
        <source>电话回访</source>
        <translation>Callbacks</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/main_window.py" line="89" />
        <source>现场核查</source>
        <translation>Field verification</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/main_window.py" line="90" />
        <source>回访与核查</source>
        <translation>Callbacks and verification</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/main_window.py" line="92" />
        <source>排班</source>
        <translation>Roster</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/main_window.py" line="94" />
        <source>查岗点名</source>
        <translation>Roll call</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/main_window.py" line="96" />
        <source>交接班</source>
        <translation>Handover</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/main_window.py" line="98" />
        <source>承办单位</source>
        <translation>Unit view</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/main_window.py" line="100" />
        <source>地图</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/main_window.py" line="102" />
        <source>统计分析</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/main_window.py" line="264" />
        <source>模拟来电</source>
        <translation>Simulate incoming call</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/main_window.py" line="264" />
        <source>来电号码：</source>
        <translation>Caller number:</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/main_window.py" line="271" />
        <source>界面语言将在下次启动时切换</source>
        <translation>The new language takes effect the next time the console starts</translation>
    </message>
</context>
<context>
    <name>MapExport</name>
    <message>
        <location filename="../../widgets/map/export.py" line="57" />
        <source>未办结案件分布图 · {t}</source>
        <translation>Open cases · {t}</translation>
    </message>
    <message>
        <location filename="../../widgets/map/export.py" line="59" />
        <source>案件热力图 · {what}</source>
        <translation>Case heat map · {what}</translation>
    </message>
    <message>
        <location filename="../../widgets/map/export.py" line="63" />
        <source>制图时间 {t} · 坐标系按边界数据所存 · 仅供值班参考</source>
        <translation>Made {t} · coordinates as the boundary data stores them · for duty use only</translation>
    </message>
    <message>
        <location filename="../../widgets/map/export.py" line="82" />
        <source>导出地图图片</source>
        <translation>Export the map as an image</translation>
    </message>
    <message>
        <location filename="../../widgets/map/export.py" line="82" />
        <source>PNG 图片 (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <location filename="../../widgets/map/export.py" line="88" />
        <source>无法写入 {p}：请换一个文件夹或文件名再导出</source>
        <translation>Could not write {p}: choose another folder or file name and export again</translation>
    </message>
    <message>
        <location filename="../../widgets/map/export.py" line="90" />
        <source>已导出：{p}</source>
        <translation>Exported: {p}</translation>
    </message>
</context>
<context>
    <name>MapHeat</name>
    <message>
        <location filename="../../widgets/map/heat_controls.py" line="29" />
        <source>街道</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../widgets/map/heat_controls.py" line="29" />
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../widgets/map/heat_controls.py" line="29" />
        <source>网格</source>
        <translation>Grid cell</translation>
    </message>
    <message>
        <location filename="../../widgets/map/heat_controls.py" line="33" />
        <source>案件数</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../widgets/map/heat_controls.py" line="33" />
        <source>超期数</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../widgets/map/heat_controls.py" line="34" />
        <source>按期率</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <location filename="../../widgets/map/heat_controls.py" line="38" />
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../widgets/map/heat_controls.py" line="38" />
        <source>本周</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../../widgets/map/heat_controls.py" line="38" />
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../widgets/map/heat_controls.py" line="39" />
        <source>自定义时段</source>
        <translation>Date range</translation>
    </message>
</context>
<context>
    <name>MapHover</name>
    <message>
        <location filename="../../widgets/map/hover.py" line="30" />
        <source>已超时 {t}</source>
        <translation>Overdue by {t}</translation>
    </message>
    <message>
        <location filename="../../widgets/map/hover.py" line="31" />
        <source>剩余 {t}（暂停中）</source>
        <translation>{t} left (paused)</translation>
    </message>
    <message>
        <location filename="../../widgets/map/hover.py" line="31" />
        <source>剩余 {t}</source>
        <translation>{t} left</translation>
    </message>
    <message>
        <location filename="../../widgets/map/hover.py" line="38" />
        <source>{no}（{cls} 类）</source>
        <translation>{no} (class {cls})</translation>
    </message>
    <message>
        <location filename="../../widgets/map/hover.py" line="40" />
        <source>责任单位：{u}</source>
        <translation>Unit: {u}</translation>
    </message>
    <message>
        <location filename="../../widgets/map/hover.py" line="40" />
        <source>（待分拨）</source>
        <translation>(to be dispatched)</translation>
    </message>
    <message>
        <location filename="../../widgets/map/hover.py" line="44" />
        <source>（无定位，标在所属网格中心）</source>
        <translation>(no point of its own: shown at its grid cell's centre)</translation>
    </message>
    <message>
        <location filename="../../widgets/map/hover.py" line="51" />
        <source>此处 {n} 件未办结（点击放大）</source>
        <translation>{n} open cases here (click to zoom in)</translation>
    </message>
    <message>
        <location filename="../../widgets/map/hover.py" line="64" />
        <source>  在岗：{name} {phone}</source>
        <translation>  On duty: {name} {phone}</translation>
    </message>
    <message>
        <location filename="../../widgets/map/hover.py" line="67" />
        <source>  当前无人在岗</source>
        <translation>  Nobody on duty now</translation>
    </message>
</context>
<context>
    <name>MapLegend</name>
    <message>
        <location filename="../../widgets/map/legend.py" line="121" />
        <source>图层</source>
        <translation>Layers</translation>
    </message>
    <message>
        <location filename="../../widgets/map/legend.py" line="125" />
        <source>值班岗位（有人在岗）</source>
        <translation>Duty post (staffed)</translation>
    </message>
    <message>
        <location filename="../../widgets/map/legend.py" line="127" />
        <source>值班岗位（无人在岗）</source>
        <translation>Duty post (nobody on duty)</translation>
    </message>
    <message>
        <location filename="../../widgets/map/legend.py" line="130" />
        <source>未办结案件：颜色为剩余时间</source>
        <translation>Open cases: colour is time left</translation>
    </message>
    <message>
        <location filename="../../widgets/map/legend.py" line="136" />
        <source>形状为级别</source>
        <translation>Shape: class</translation>
    </message>
    <message>
        <location filename="../../widgets/map/legend.py" line="137" />
        <source>A 类（紧急）</source>
        <translation>Class A (urgent)</translation>
    </message>
    <message>
        <location filename="../../widgets/map/legend.py" line="137" />
        <source>B 类（较急）</source>
        <translation>Class B (fairly urgent)</translation>
    </message>
    <message>
        <location filename="../../widgets/map/legend.py" line="138" />
        <source>C 类（一般）</source>
        <translation>Class C (ordinary)</translation>
    </message>
    <message>
        <location filename="../../widgets/map/legend.py" line="141" />
        <source>聚合：数字为件数，颜色为其中最急</source>
        <translation>Cluster: the number of cases, coloured as its most pressing</translation>
    </message>
</context>
<context>
    <name>MapPane</name>
    <message>
        <location filename="../../widgets/map/map_pane.py" line="91" />
        <source>图例</source>
        <translation>Legend</translation>
    </message>
    <message>
        <location filename="../../widgets/map/map_pane.py" line="94" />
        <source>全区</source>
        <translation>Whole district</translation>
    </message>
    <message>
        <location filename="../../widgets/map/map_pane.py" line="96" />
        <source>导出图片…</source>
        <translation>Export image…</translation>
    </message>
    <message>
        <location filename="../../widgets/map/map_pane.py" line="170" />
        <source>未办结 {n} 件在图上</source>
        <translation>{n} open cases on the map</translation>
    </message>
    <message>
        <location filename="../../widgets/map/map_pane.py" line="172" />
        <source>；{n} 件无位置未标出</source>
        <translation>; {n} without a place are not shown</translation>
    </message>
    <message>
        <location filename="../../widgets/map/map_pane.py" line="269" />
        <source>框内没有未办结案件</source>
        <translation>No open cases in the rectangle</translation>
    </message>
    <message>
        <location filename="../../widgets/map/map_pane.py" line="272" />
        <source>已框选 {n} 件，队列只显示这些案件</source>
        <translation>{n} cases selected; the queue shows only these</translation>
    </message>
</context>
<context>
    <name>MapSlot</name>
    <message>
        <location filename="../../widgets/shell/map_slot.py" line="27" />
        <source>地图载入中…</source>
        <translation>Loading the map…</translation>
    </message>
</context>
<context>
    <name>MapStyle</name>
    <message>
        <location filename="../../widgets/map/style.py" line="28" />
        <source>区界</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../widgets/map/style.py" line="28" />
        <source>街道</source>
        <translation>Streets</translation>
    </message>
    <message>
        <location filename="../../widgets/map/style.py" line="28" />
        <source>社区</source>
        <translation>Communities</translation>
    </message>
    <message>
        <location filename="../../widgets/map/style.py" line="29" />
        <source>网格</source>
        <translation>Grid cells</translation>
    </message>
    <message>
        <location filename="../../widgets/map/style.py" line="29" />
        <source>值班岗位</source>
        <translation>Duty posts</translation>
    </message>
    <message>
        <location filename="../../widgets/map/style.py" line="29" />
        <source>未办结案件</source>
        <translation>Open cases</translation>
    </message>
    <message>
        <location filename="../../widgets/map/style.py" line="30" />
        <source>热力图</source>
        <translation>Heat map</translation>
    </message>
    <message>
        <location filename="../../widgets/map/style.py" line="84" />
        <source>时间充足</source>
        <translation>Time enough</translation>
    </message>
    <message>
        <location filename="../../widgets/map/style.py" line="84" />
        <source>已暂停计时</source>
        <translation>Clock paused</translation>
    </message>
    <message>
        <location filename="../../widgets/map/style.py" line="85" />
        <source>剩余不足四分之一</source>
        <translation>Under a quarter left</translation>
    </message>
    <message>
        <location filename="../../widgets/map/style.py" line="85" />
        <source>已超时</source>
        <translation>Overdue</translation>
    </message>
</context>
<context>
    <name>MonthBar</name>
    <message>
        <location filename="../../widgets/duty/roster_views.py" line="61" />
        <source>◀ 上月</source>
        <translation>◀ Previous month</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_views.py" line="62" />
        <source>下月 ▶</source>
        <translation>Next month ▶</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_views.py" line="63" />
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_views.py" line="64" />
        <source>导出 Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_views.py" line="66" />
        <source>导出 PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_views.py" line="83" />
        <source>{y}年{m}月</source>
        <translation>{y}-{m}</translation>
    </message>
</context>
<context>
    <name>NoticeRuleTab</name>
    <message>
        <location filename="../../widgets/supervision/notice_rule_tab.py" line="27" />
        <source>保存告知规则</source>
        <translation>Save the notice rule</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/notice_rule_tab.py" line="43" />
        <source>受理告知时限（受理后分钟）</source>
        <translation>Acceptance notice due (minutes after intake)</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/notice_rule_tab.py" line="44" />
        <source>办理反馈时限（办结后分钟）</source>
        <translation>Result feedback due (minutes after the result)</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/notice_rule_tab.py" line="45" />
        <source>短信最多发送次数</source>
        <translation>Most tries of an SMS</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/notice_rule_tab.py" line="46" />
        <source>受理告知模板</source>
        <translation>Acceptance notice template</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/notice_rule_tab.py" line="47" />
        <location filename="../../widgets/supervision/notice_rule_tab.py" line="49" />
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/notice_rule_tab.py" line="48" />
        <source>办理反馈模板</source>
        <translation>Result feedback template</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/notice_rule_tab.py" line="51" />
        <source>占位符：{no} 案件编号　{category} 事项分类　{due} 承诺办结时间　{result} 办理结果</source>
        <translation>Placeholders: {no} case number  {category} category  {due} promised completion  {result} result</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/notice_rule_tab.py" line="62" />
        <source>现行（第 {v} 版）：受理后 {a} 分钟内告知，办结后 {r} 分钟内反馈，短信最多发送 {n} 次</source>
        <translation>In force (version {v}): notice within {a} minutes of intake, feedback within {r} minutes of the result, an SMS tried at most {n} times</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/notice_rule_tab.py" line="66" />
        <source>预览所用示例案件：{no}</source>
        <translation>Preview filled from case {no}</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/notice_rule_tab.py" line="67" />
        <source>预览所用示例：尚无案件，以虚构案件示意</source>
        <translation>Preview filled from a made-up case (there are no cases yet)</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/notice_rule_tab.py" line="84" />
        <source>{n} 字</source>
        <translation>{n} characters</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/notice_rule_tab.py" line="86" />
        <source>超过 {max} 字的部分不会发出</source>
        <translation>anything beyond {max} characters is not sent</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/notice_rule_tab.py" line="88" />
        <source>无法识别的占位符：{names}</source>
        <translation>Unknown placeholders: {names}</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/notice_rule_tab.py" line="96" />
        <source>请填写整数：告知与反馈时限 1–10080 分钟，发送次数 1–20</source>
        <translation>Enter whole numbers: notice and feedback 1–10080 minutes, tries 1–20</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/notice_rule_tab.py" line="101" />
        <source>已保存告知规则</source>
        <translation>Notice rule saved</translation>
    </message>
</context>
<context>
    <name>OnDutyNow</name>
    <message>
        <location filename="../../widgets/duty/roster_on_duty.py" line="45" />
        <source>{day} {shift} {hours}</source>
        <translation>{day} {shift} {hours}</translation>
    </message>
</context>
<context>
    <name>OnDutyTab</name>
    <message>
        <location filename="../../widgets/duty/roster_tabs.py" line="103" />
        <source>{when} 在岗 {n} 人（{time} 更新，每分钟刷新）</source>
        <translation>{when}: {n} on duty (as of {time}, refreshed every minute)</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <location filename="../../widgets/casework/case_notices.py" line="42" />
        <source>告知</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_notices.py" line="43" />
        <source>方式</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_notices.py" line="44" />
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_notices.py" line="45" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_notices.py" line="46" />
        <source>限时</source>
        <translation>Due by</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_notices.py" line="47" />
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_notices.py" line="59" />
        <source>（{n} 次：{error}）</source>
        <translation> ({n} tries: {error})</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_notices.py" line="61" />
        <source>（超时）</source>
        <translation> (late)</translation>
    </message>
</context>
<context>
    <name>PeriodBar</name>
    <message>
        <location filename="../../widgets/common/period_bar.py" line="30" />
        <source>至</source>
        <translation>to</translation>
    </message>
</context>
<context>
    <name>PickMode</name>
    <message>
        <location filename="../../widgets/map/picking.py" line="108" />
        <source>地图加载中…</source>
        <translation>Loading the map…</translation>
    </message>
    <message>
        <location filename="../../widgets/map/picking.py" line="171" />
        <source>十字处：{place}</source>
        <translation>At the crosshair: {place}</translation>
    </message>
    <message>
        <location filename="../../widgets/map/picking.py" line="175" />
        <source>地图选点：点击位置，或用方向键移动十字、按 {take} 选定；{cancel} 取消</source>
        <translation>Picking a place: click it, or move the crosshair with the arrow keys and press {take}; {cancel} cancels</translation>
    </message>
</context>
<context>
    <name>PlaceOnMap</name>
    <message>
        <location filename="../../widgets/hotline/call_place.py" line="93" />
        <source>网格边界正在载入…</source>
        <translation>Loading the grid cells…</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/call_place.py" line="94" />
        <source>不在本区范围内（{lon:.6f}, {lat:.6f}）</source>
        <translation>Outside the district ({lon:.6f}, {lat:.6f})</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/call_place.py" line="100" />
        <source>地图定位不可用：请选择网格</source>
        <translation>Locating on the map is not available: choose a grid cell</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/call_place.py" line="102" />
        <source>网格边界还在载入，未采用：请稍后再选</source>
        <translation>The grid cells are still loading; the point was not taken: pick again in a moment</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/call_place.py" line="105" />
        <source>该点（{lon:.6f}, {lat:.6f}）不在本区范围内，未采用：请在区内点选</source>
        <translation>The point ({lon:.6f}, {lat:.6f}) is outside the district and was not taken: pick a point inside it</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/call_place.py" line="108" />
        <source>该点所在网格 {code} 尚未载入，未采用：请稍后再选</source>
        <translation>The point's grid cell {code} is not loaded yet; point not taken: pick again in a moment</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/call_place.py" line="138" />
        <source>所选网格与地图选点不符，已改取网格中心（{key} 重新选点）</source>
        <translation>The grid cell chosen does not contain the point picked on the map: the case is now at the cell's centre ({key} picks again)</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/call_place.py" line="145" />
        <source>地图选点：{place}</source>
        <translation>Picked on the map: {place}</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/call_place.py" line="150" />
        <source>位置取网格中心：{place}</source>
        <translation>At the grid cell's centre: {place}</translation>
    </message>
    <message>
        <location filename="../../widgets/hotline/call_place.py" line="154" />
        <source>未定位：选择网格即取网格中心，或在地图上选点</source>
        <translation>No location: choosing a grid cell places the case at its centre, or pick a point on the map</translation>
    </message>
</context>
<context>
    <name>PlacePicker</name>
    <message>
        <location filename="../../widgets/common/pickers.py" line="111" />
        <source>街道</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../widgets/common/pickers.py" line="112" />
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../widgets/common/pickers.py" line="113" />
        <source>网格</source>
        <translation>Grid cell</translation>
    </message>
</context>
<context>
    <name>PlacePicking</name>
    <message>
        <location filename="../../widgets/shell/place_picking.py" line="51" />
        <source>请在地图上选点（{cancel} 取消）</source>
        <translation>Pick the place on the map ({cancel} cancels)</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/place_picking.py" line="62" />
        <source>已取消地图选点，位置未改</source>
        <translation>Picking on the map cancelled; the location is unchanged</translation>
    </message>
</context>
<context>
    <name>QuickAnswerEditor</name>
    <message>
        <location filename="../../widgets/answers/answer_editor.py" line="63" />
        <source>修改答复</source>
        <translation>Edit answer</translation>
    </message>
    <message>
        <location filename="../../widgets/answers/answer_editor.py" line="63" />
        <source>新增答复</source>
        <translation>New answer</translation>
    </message>
    <message>
        <location filename="../../widgets/answers/answer_editor.py" line="71" />
        <source>市民常问的问法，如：社保卡丢了怎么补办？</source>
        <translation>The question as citizens ask it, e.g. 社保卡丢了怎么补办？</translation>
    </message>
    <message>
        <location filename="../../widgets/answers/answer_editor.py" line="74" />
        <source>坐席可直接照读的答复口径；政策可能变化的，注明“请以主管部门最新公布为准”</source>
        <translation>An answer the operator can read out as is; where rules may change, add “请以主管部门最新公布为准” (check the department's latest notice)</translation>
    </message>
    <message>
        <location filename="../../widgets/answers/answer_editor.py" line="77" />
        <source>关键词，用空格或逗号分隔，如：社保卡 补卡 挂失</source>
        <translation>Keywords, separated by spaces or commas, e.g. 社保卡 补卡 挂失</translation>
    </message>
    <message>
        <location filename="../../widgets/answers/answer_editor.py" line="78" />
        <source>启用（停用后不再出现在搜索结果中）</source>
        <translation>Active (a deactivated answer no longer appears in search results)</translation>
    </message>
    <message>
        <location filename="../../widgets/answers/answer_editor.py" line="88" />
        <source>载入对方的版本</source>
        <translation>Load their version</translation>
    </message>
    <message>
        <location filename="../../widgets/answers/answer_editor.py" line="91" />
        <source>仍用我的内容覆盖</source>
        <translation>Save mine over it</translation>
    </message>
    <message>
        <location filename="../../widgets/answers/answer_editor.py" line="94" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../widgets/answers/answer_editor.py" line="97" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../widgets/answers/answer_editor.py" line="103" />
        <source>问题</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../widgets/answers/answer_editor.py" line="104" />
        <source>答复</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../widgets/answers/answer_editor.py" line="105" />
        <source>关键词</source>
        <translation>Keywords</translation>
    </message>
    <message>
        <location filename="../../widgets/answers/answer_editor.py" line="107" />
        <source>事项分类（可不选）</source>
        <translation>Category (optional)</translation>
    </message>
    <message>
        <location filename="../../widgets/answers/answer_editor.py" line="156" />
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../widgets/answers/answer_editor.py" line="174" />
        <source>只有管理员和值班长可以修改知识库，内容未保存</source>
        <translation>Only admins and shift leaders may change the answer base; nothing was saved</translation>
    </message>
    <message>
        <location filename="../../widgets/answers/answer_editor.py" line="209" />
        <source>新增</source>
        <translation>created</translation>
    </message>
    <message>
        <location filename="../../widgets/answers/answer_editor.py" line="209" />
        <location filename="../../widgets/answers/answer_editor.py" line="216" />
        <source>修改</source>
        <translation>changed</translation>
    </message>
    <message>
        <location filename="../../widgets/answers/answer_editor.py" line="210" />
        <source>停用</source>
        <translation>deactivated</translation>
    </message>
    <message>
        <location filename="../../widgets/answers/answer_editor.py" line="210" />
        <source>重新启用</source>
        <translation>reactivated</translation>
    </message>
    <message>
        <location filename="../../widgets/answers/answer_editor.py" line="212" />
        <source>{who} 于 {at} 已先{action}了这条答复。你填写的内容仍在上面，未保存；可载入对方的版本，或确认后用你的内容覆盖。</source>
        <translation>{who} {action} this answer first, at {at}. What you typed is still above and was not saved: load their version, or save yours over it if you are sure.</translation>
    </message>
    <message>
        <location filename="../../widgets/answers/answer_editor.py" line="214" />
        <source>他人</source>
        <translation>Someone else</translation>
    </message>
</context>
<context>
    <name>QuickAnswerPane</name>
    <message>
        <location filename="../../widgets/answers/quick_answers.py" line="85" />
        <source>搜索问题或关键词，可用拼音：社保 / shebao / sb</source>
        <translation>Search questions or keywords, pinyin works too: 社保 / shebao / sb</translation>
    </message>
    <message>
        <location filename="../../widgets/answers/quick_answers.py" line="106" />
        <source>选中一条问题，这里显示答复口径</source>
        <translation>Select a question to show its answer here</translation>
    </message>
    <message>
        <location filename="../../widgets/answers/quick_answers.py" line="107" />
        <source>复制答复</source>
        <translation>Copy answer</translation>
    </message>
    <message>
        <location filename="../../widgets/answers/quick_answers.py" line="109" />
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../widgets/answers/quick_answers.py" line="111" />
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../widgets/answers/quick_answers.py" line="173" />
        <source>找到 {n} 条</source>
        <translation>{n} found</translation>
    </message>
    <message>
        <location filename="../../widgets/answers/quick_answers.py" line="175" />
        <source>没有匹配的答复：换个说法，或用拼音首字母试试</source>
        <translation>No matching answer: try other words, or pinyin initials</translation>
    </message>
    <message>
        <location filename="../../widgets/answers/quick_answers.py" line="177" />
        <source>知识库里还没有答复</source>
        <translation>The answer base is still empty</translation>
    </message>
    <message>
        <location filename="../../widgets/answers/quick_answers.py" line="240" />
        <location filename="../../widgets/answers/quick_answers.py" line="243" />
        <source>已复制答复</source>
        <translation>Answer copied</translation>
    </message>
    <message>
        <location filename="../../widgets/answers/quick_answers.py" line="260" />
        <source>已保存：{q}</source>
        <translation>Saved: {q}</translation>
    </message>
    <message>
        <location filename="../../widgets/answers/quick_answers.py" line="273" />
        <source>保存中…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../widgets/reports/dialog.py" line="60" />
        <source>值班报表</source>
        <translation>Duty reports</translation>
    </message>
    <message>
        <location filename="../../widgets/reports/dialog.py" line="65" />
        <source>值班日报</source>
        <translation>Daily duty report</translation>
    </message>
    <message>
        <location filename="../../widgets/reports/dialog.py" line="66" />
        <source>值班周报（区领导通报）</source>
        <translation>Weekly briefing (district leaders)</translation>
    </message>
    <message>
        <location filename="../../widgets/reports/dialog.py" line="67" />
        <source>值班月报</source>
        <translation>Monthly duty report</translation>
    </message>
    <message>
        <location filename="../../widgets/reports/dialog.py" line="68" />
        <source>专题分析</source>
        <translation>Special analysis</translation>
    </message>
    <message>
        <location filename="../../widgets/reports/dialog.py" line="79" />
        <source>全区</source>
        <translation>Whole district</translation>
    </message>
    <message>
        <location filename="../../widgets/reports/dialog.py" line="83" />
        <source>PDF 文档</source>
        <translation>PDF document</translation>
    </message>
    <message>
        <location filename="../../widgets/reports/dialog.py" line="84" />
        <source>Excel 工作簿</source>
        <translation>Excel workbook</translation>
    </message>
    <message>
        <location filename="../../widgets/reports/dialog.py" line="86" />
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../widgets/reports/dialog.py" line="93" />
        <source>生成</source>
        <translation>Make</translation>
    </message>
    <message>
        <location filename="../../widgets/reports/dialog.py" line="96" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../widgets/reports/dialog.py" line="107" />
        <source>报表</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../widgets/reports/dialog.py" line="108" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../widgets/reports/dialog.py" line="109" />
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../widgets/reports/dialog.py" line="110" />
        <source>统计期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../widgets/reports/dialog.py" line="111" />
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../widgets/reports/dialog.py" line="112" />
        <source>街道</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../widgets/reports/dialog.py" line="113" />
        <source>格式</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../widgets/reports/dialog.py" line="117" />
        <source>保存到</source>
        <translation>Save to</translation>
    </message>
    <message>
        <location filename="../../widgets/reports/dialog.py" line="162" />
        <source>结束日期早于开始日期</source>
        <translation>The end date is before the start date</translation>
    </message>
    <message>
        <location filename="../../widgets/reports/dialog.py" line="176" />
        <source>报表保存到</source>
        <translation>Save the report to</translation>
    </message>
    <message>
        <location filename="../../widgets/reports/dialog.py" line="177" />
        <source>PDF 文档 (*.pdf);;Excel 工作簿 (*.xlsx)</source>
        <translation>PDF document (*.pdf);;Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../widgets/reports/dialog.py" line="188" />
        <source>文件名须以 .pdf 或 .xlsx 结尾</source>
        <translation>The file name must end in .pdf or .xlsx</translation>
    </message>
    <message>
        <location filename="../../widgets/reports/dialog.py" line="195" />
        <source>正在生成…</source>
        <translation>Making the report…</translation>
    </message>
    <message>
        <location filename="../../widgets/reports/dialog.py" line="207" />
        <source>连不上数据库，报表未生成：请检查网络后再试。</source>
        <translation>Cannot reach the database; the report was not made. Check the network and try again.</translation>
    </message>
    <message>
        <location filename="../../widgets/reports/dialog.py" line="209" />
        <source>数据库繁忙，报表未生成：请稍后再试。</source>
        <translation>The database is busy; the report was not made. Try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../widgets/reports/dialog.py" line="211" />
        <source>无法写入 {path}（{why}）：请换一个文件夹或文件名。</source>
        <translation>Cannot write {path} ({why}): choose another folder or file name.</translation>
    </message>
    <message>
        <location filename="../../widgets/reports/dialog.py" line="216" />
        <source>正在读取数据…</source>
        <translation>Reading the figures…</translation>
    </message>
    <message>
        <location filename="../../widgets/reports/dialog.py" line="216" />
        <source>正在读取地图边界…</source>
        <translation>Reading the map's boundaries…</translation>
    </message>
    <message>
        <location filename="../../widgets/reports/dialog.py" line="217" />
        <source>正在绘制并写入文件…</source>
        <translation>Drawing and writing the file…</translation>
    </message>
    <message>
        <location filename="../../widgets/reports/dialog.py" line="224" />
        <source>已生成：{path}</source>
        <translation>Made: {path}</translation>
    </message>
</context>
<context>
    <name>RequestList</name>
    <message>
        <location filename="../../widgets/units/request_list.py" line="51" />
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../widgets/units/request_list.py" line="52" />
        <source>申请</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../../widgets/units/request_list.py" line="53" />
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../widgets/units/request_list.py" line="54" />
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../widgets/units/request_list.py" line="55" />
        <source>现办结时限</source>
        <translation>Unit deadline now</translation>
    </message>
    <message>
        <location filename="../../widgets/units/request_list.py" line="56" />
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../widgets/units/request_list.py" line="57" />
        <source>申请时间</source>
        <translation>Applied at</translation>
    </message>
    <message>
        <location filename="../../widgets/units/request_list.py" line="63" />
        <source>待审批的退回、延期申请</source>
        <translation>Return and extension requests waiting for a decision</translation>
    </message>
    <message>
        <location filename="../../widgets/units/request_list.py" line="98" />
        <source>待审批的退回、延期申请：{n} 件</source>
        <translation>Return and extension requests waiting for a decision: {n}</translation>
    </message>
    <message>
        <location filename="../../widgets/units/request_list.py" line="102" />
        <source>延期 {days} 个工作日</source>
        <translation>Extension by {days} working days</translation>
    </message>
    <message>
        <location filename="../../widgets/units/request_list.py" line="103" />
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../widgets/units/request_list.py" line="116" />
        <source>{now} → {then}</source>
        <translation>{now} → {then}</translation>
    </message>
    <message>
        <location filename="../../widgets/units/request_list.py" line="124" />
        <source>{no}：已同意</source>
        <translation>{no}: approved</translation>
    </message>
    <message>
        <location filename="../../widgets/units/request_list.py" line="124" />
        <source>{no}：已不同意</source>
        <translation>{no}: refused</translation>
    </message>
    <message>
        <location filename="../../widgets/units/request_list.py" line="136" />
        <source>不同意 · {no}</source>
        <translation>Refuse · {no}</translation>
    </message>
    <message>
        <location filename="../../widgets/units/request_list.py" line="137" />
        <source>不同意的理由</source>
        <translation>Why refused</translation>
    </message>
    <message>
        <location filename="../../widgets/units/request_list.py" line="145" />
        <source>请先选中一件申请</source>
        <translation>Select a request first</translation>
    </message>
    <message>
        <location filename="../../widgets/units/request_list.py" line="153" />
        <source>保存中…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>RollCallHistory</name>
    <message>
        <location filename="../../widgets/duty/roll_call_history.py" line="62" />
        <source>近 7 天</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_history.py" line="63" />
        <source>近 30 天</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_history.py" line="64" />
        <source>近一年</source>
        <translation>Last year</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_history.py" line="68" />
        <source>全部方式</source>
        <translation>All channels</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_history.py" line="73" />
        <source>按方式</source>
        <translation>By channel</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_history.py" line="73" />
        <source>按岗位</source>
        <translation>By post</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_history.py" line="74" />
        <source>按人员</source>
        <translation>By person</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_history.py" line="74" />
        <source>按值班长</source>
        <translation>By shift leader</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_history.py" line="75" />
        <source>按日</source>
        <translation>By day</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_history.py" line="75" />
        <source>按周</source>
        <translation>By week</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_history.py" line="76" />
        <source>按月</source>
        <translation>By month</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_history.py" line="81" />
        <source>岗位次</source>
        <translation>Posts called</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_history.py" line="82" />
        <source>应答</source>
        <translation>Answered</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_history.py" line="83" />
        <source>迟到</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_history.py" line="84" />
        <source>缺岗</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_history.py" line="85" />
        <source>无人应答</source>
        <translation>No answer</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_history.py" line="85" />
        <source>到岗率</source>
        <translation>Reached</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_history.py" line="86" />
        <source>平均迟到(分)</source>
        <translation>Avg. late (min)</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_history.py" line="89" />
        <source>开始时间</source>
        <translation>Started</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_history.py" line="91" />
        <source>方式</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_history.py" line="92" />
        <source>值班长</source>
        <translation>Shift leader</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_history.py" line="93" />
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_history.py" line="93" />
        <source>已结束</source>
        <translation>Finished</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_history.py" line="93" />
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_history.py" line="100" />
        <source>分组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_history.py" line="100" />
        <source>点名次数</source>
        <translation>Roll calls</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_history.py" line="118" />
        <source>（时间段与方式同「点名记录」）</source>
        <translation>(period and channel as in "Roll-call records")</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_history.py" line="151" />
        <source>（无人）</source>
        <translation>(nobody)</translation>
    </message>
</context>
<context>
    <name>RollCallPane</name>
    <message>
        <location filename="../../widgets/duty/roll_call_pane.py" line="214" />
        <source>结束点名</source>
        <translation>Finish roll call</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_pane.py" line="70" />
        <source>尚未开始点名</source>
        <translation>No roll call started</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_pane.py" line="79" />
        <source>岗位</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_pane.py" line="80" />
        <source>值班人员</source>
        <translation>On duty</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_pane.py" line="80" />
        <source>（排班无人）</source>
        <translation>(nobody rostered)</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_pane.py" line="81" />
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_pane.py" line="82" />
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_pane.py" line="83" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_pane.py" line="85" />
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_pane.py" line="105" />
        <source>逐个岗位按键标记：{keys}；标记后自动跳到下一岗位</source>
        <translation>Mark each post with one key: {keys}; the next post is selected after each mark</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_pane.py" line="109" />
        <source>保存中…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_pane.py" line="129" />
        <source>本次点名</source>
        <translation>Current roll call</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_pane.py" line="130" />
        <source>点名记录</source>
        <translation>Roll-call records</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_pane.py" line="131" />
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_pane.py" line="196" />
        <source>已结束</source>
        <translation>finished</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_pane.py" line="196" />
        <source>进行中</source>
        <translation>in progress</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_pane.py" line="197" />
        <source>{channel} · {leader} · {at} · {state}</source>
        <translation>{channel} · {leader} · {at} · {state}</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_pane.py" line="203" />
        <source>共 {total} 个岗位：应答 {answered} · 迟到 {late} · 缺岗 {absent} · 无人应答 {no_answer} · 未点 {open}</source>
        <translation>{total} posts: answered {answered} · late {late} · absent {absent} · no answer {no_answer} · not called {open}</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_pane.py" line="215" />
        <source>还有 {n} 个岗位未标记。按「无人应答」记录并结束点名？</source>
        <translation>{n} posts are not marked. Record them as "no answer" and finish the roll call?</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_pane.py" line="266" />
        <source>「{post}」未能保存：{why}</source>
        <translation>"{post}" was not saved: {why}</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roll_call_pane.py" line="283" />
        <source>迟到 {n} 分钟</source>
        <translation>Late {n} min</translation>
    </message>
</context>
<context>
    <name>RosterActions</name>
    <message>
        <location filename="../../widgets/duty/roster_actions.py" line="174" />
        <source>撤下</source>
        <translation>Take off</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_actions.py" line="75" />
        <location filename="../../widgets/duty/roster_actions.py" line="169" />
        <source>请先在当日排班中选中一条</source>
        <translation>Select an entry of the day first</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_actions.py" line="77" />
        <source>该条是请假记录：只能对在岗的排班请假、调班或换人</source>
        <translation>This entry is a leave: leave, swaps and replacements apply to duties only</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_actions.py" line="83" />
        <source>{day} {shift}「{post}」</source>
        <translation>{day} {shift} "{post}"</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_actions.py" line="92" />
        <source>{name} · {team} · {post}</source>
        <translation>{name} · {team} · {post}</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_actions.py" line="95" />
        <source> · 当班冲突</source>
        <translation> · on another shift then</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_actions.py" line="97" />
        <source> · 休息仅 {h} 小时</source>
        <translation> · only {h} h rest</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_actions.py" line="109" />
        <source>（不安排顶班）</source>
        <translation>(no stand-in)</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_actions.py" line="111" />
        <source>请假/顶班：{person}</source>
        <translation>Leave / stand-in: {person}</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_actions.py" line="112" />
        <source>{where}{person} 请假。选择顶班人员（同岗位其他班组的同事在前，休息足够的在前）：</source>
        <translation>{where}{person} takes leave. Choose a stand-in (colleagues of the same post from other teams first, the rested first):</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_actions.py" line="114" />
        <source>请假事由</source>
        <translation>Reason for the leave</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_actions.py" line="118" />
        <source>已登记 {person} 请假</source>
        <translation>Leave recorded for {person}</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_actions.py" line="129" />
        <source>换人：{person}</source>
        <translation>Replace: {person}</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_actions.py" line="130" />
        <source>{where}由谁代替 {person} 上岗：</source>
        <translation>{where}Who takes {person}'s place:</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_actions.py" line="137" />
        <source>已换人：{person} 不再上这一班</source>
        <translation>Replaced: {person} no longer works this shift</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_actions.py" line="150" />
        <source>{day} {shift} {person}（{team}）</source>
        <translation>{day} {shift} {person} ({team})</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_actions.py" line="155" />
        <source>调班：{person}</source>
        <translation>Swap: {person}</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_actions.py" line="156" />
        <source>{where}{person} 与谁调班（同岗位前后 {n} 天内的排班）：</source>
        <translation>{where}Swap {person}'s duty with (duties at the same post within {n} days):</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_actions.py" line="163" />
        <source>已调班：{a} ⇄ {b}</source>
        <translation>Swapped: {a} ⇄ {b}</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_actions.py" line="172" />
        <source>撤下 {where}{person}？</source>
        <translation>Take {person} off {where}?</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_actions.py" line="176" />
        <source>已撤下 {person}</source>
        <translation>{person} taken off</translation>
    </message>
</context>
<context>
    <name>RosterConfirm</name>
    <message>
        <location filename="../../widgets/duty/roster_pick_dialog.py" line="144" />
        <source>排班</source>
        <translation>Roster</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_pick_dialog.py" line="147" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RosterEntryModel</name>
    <message>
        <location filename="../../widgets/duty/roster_entry_model.py" line="71" />
        <source>岗位</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_entry_model.py" line="71" />
        <source>班次</source>
        <translation>Shift</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_entry_model.py" line="71" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_entry_model.py" line="72" />
        <source>班组</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_entry_model.py" line="72" />
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_entry_model.py" line="72" />
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_entry_model.py" line="73" />
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_entry_model.py" line="79" />
        <source>请假</source>
        <translation>On leave</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_entry_model.py" line="80" />
        <source>在岗</source>
        <translation>On duty</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_entry_model.py" line="80" />
        <source>待上班</source>
        <translation>Upcoming</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_entry_model.py" line="81" />
        <source>已下班</source>
        <translation>Off duty</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_entry_model.py" line="82" />
        <source>值班</source>
        <translation>Rostered</translation>
    </message>
</context>
<context>
    <name>RosterMonthActions</name>
    <message>
        <location filename="../../widgets/duty/roster_month_actions.py" line="43" />
        <source>已生成 {y}年{m}月排班：共 {n} 条</source>
        <translation>Roster for {y}-{m} generated: {n} entries</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_month_actions.py" line="49" />
        <source>重新生成会按轮班规则重排整月，本月已登记的请假、顶班、调班和换人都将丢失。确定重新生成吗？</source>
        <translation>Generating again rosters the whole month by the rotation; every leave, stand-in, swap and replacement recorded this month is lost. Generate again?</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_month_actions.py" line="50" />
        <source>重新生成</source>
        <translation>Generate again</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_month_actions.py" line="56" />
        <source>正在生成 {y}年{m}月排班…</source>
        <translation>Generating the roster for {y}-{m}…</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_month_actions.py" line="63" />
        <source>值班表-{y}-{m:02d}</source>
        <translation>roster-{y}-{m:02d}</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_month_actions.py" line="65" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_month_actions.py" line="67" />
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_month_actions.py" line="69" />
        <source>导出值班表</source>
        <translation>Export the roster</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_month_actions.py" line="78" />
        <source>正在导出 {y}年{m}月值班表…</source>
        <translation>Exporting the roster for {y}-{m}…</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_month_actions.py" line="84" />
        <source>无法写入 {path}：{reason}。未留下任何文件；请换一个位置再试</source>
        <translation>Cannot write {path}: {reason}. No file was left behind; try another place</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_month_actions.py" line="88" />
        <source>导出失败（程序错误，已记入日志），未留下任何文件</source>
        <translation>Export failed (a program error, now in the log); no file was left behind</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_month_actions.py" line="96" />
        <source>已导出：{path}</source>
        <translation>Exported: {path}</translation>
    </message>
</context>
<context>
    <name>RosterMonthModel</name>
    <message>
        <location filename="../../widgets/duty/roster_month_model.py" line="81" />
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_month_model.py" line="81" />
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_month_model.py" line="81" />
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_month_model.py" line="81" />
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_month_model.py" line="82" />
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_month_model.py" line="82" />
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_month_model.py" line="82" />
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_month_model.py" line="88" />
        <source>{d}日 {weekday}</source>
        <translation>{d} {weekday}</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_month_model.py" line="90" />
        <source>{m}月{d}日 {weekday}</source>
        <translation>{m}/{d} {weekday}</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_month_model.py" line="92" />
        <location filename="../../widgets/duty/roster_month_model.py" line="115" />
        <source>（今天）</source>
        <translation>(today)</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_month_model.py" line="106" />
        <source>{team} · {n}人</source>
        <translation>{team} · {n}</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_month_model.py" line="108" />
        <source>（{n}人请假）</source>
        <translation>({n} on leave)</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_month_model.py" line="137" />
        <source>日期</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_month_model.py" line="141" />
        <source>休息</source>
        <translation>Resting</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_month_model.py" line="170" />
        <source>在岗人员来自：{teams}</source>
        <translation>People on duty from: {teams}</translation>
    </message>
</context>
<context>
    <name>RosterPane</name>
    <message>
        <location filename="../../widgets/duty/roster_pane.py" line="110" />
        <source>当日排班</source>
        <translation>The day's roster</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_pane.py" line="111" />
        <source>当前在岗</source>
        <translation>On duty now</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_pane.py" line="115" />
        <source>保存中…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_pane.py" line="187" />
        <source>{y}年{m}月尚未排班：按「生成本月排班」按轮班规则生成</source>
        <translation>{y}-{m} has no roster yet: "Generate this month" makes it by the rotation</translation>
    </message>
</context>
<context>
    <name>RosterPickDialog</name>
    <message>
        <location filename="../../widgets/duty/roster_pick_dialog.py" line="50" />
        <source>输入姓名、班组、岗位或拼音首字母筛选</source>
        <translation>Type a name, team, post or pinyin initials to filter</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_pick_dialog.py" line="77" />
        <source>筛选</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/roster_pick_dialog.py" line="107" />
        <source>请在列表中选中一项</source>
        <translation>Select an item in the list</translation>
    </message>
</context>
<context>
    <name>RuleTab</name>
    <message>
        <location filename="../../widgets/supervision/rule_tab.py" line="79" />
        <source>保存中…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <location filename="../../widgets/supervision/rules_dialog.py" line="52" />
        <source>办理时限与工作日</source>
        <translation>Time limits and working days</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/rules_dialog.py" line="62" />
        <source>时限规则</source>
        <translation>Time-limit rules</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/rules_dialog.py" line="63" />
        <source>工作日历</source>
        <translation>Working-day calendar</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/rules_dialog.py" line="64" />
        <source>升级规则</source>
        <translation>Escalation</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/rules_dialog.py" line="65" />
        <source>单位计时</source>
        <translation>Unit clock</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/rules_dialog.py" line="66" />
        <source>市民告知</source>
        <translation>Citizen notices</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/rules_dialog.py" line="69" />
        <source>保存中…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/rules_dialog.py" line="90" />
        <source>小时（昼夜连续计算）</source>
        <translation>Hours (counted around the clock)</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/rules_dialog.py" line="91" />
        <source>工作日（跳过周末和法定节假日）</source>
        <translation>Working days (skipping weekends and public holidays)</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/rules_dialog.py" line="93" />
        <source>正整数</source>
        <translation>whole number</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/rules_dialog.py" line="95" />
        <source>保存规则</source>
        <translation>Save rule</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/rules_dialog.py" line="102" />
        <source>事项分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/rules_dialog.py" line="103" />
        <source>紧急程度</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/rules_dialog.py" line="104" />
        <source>计时方式</source>
        <translation>Counted in</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/rules_dialog.py" line="105" />
        <source>时限</source>
        <translation>Limit</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/rules_dialog.py" line="117" />
        <source>现行：未设时限</source>
        <translation>Current: no limit set</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/rules_dialog.py" line="119" />
        <source>现行：{n} 小时</source>
        <translation>Current: {n} hours</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/rules_dialog.py" line="121" />
        <source>现行：{n} 个工作日</source>
        <translation>Current: {n} working days</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/rules_dialog.py" line="132" />
        <source>时限须为正整数，例如 24 或 5</source>
        <translation>The limit must be a whole number above zero, e.g. 24 or 5</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/rules_dialog.py" line="140" />
        <source>已保存：{path} {u} 类</source>
        <translation>Saved: {path}, class {u}</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/rules_dialog.py" line="161" />
        <source>上班（工作日）</source>
        <translation>Working day</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/rules_dialog.py" line="163" />
        <source>说明，如：春节 / 春节调休上班</source>
        <translation>Note, e.g. Spring Festival / make-up working day</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/rules_dialog.py" line="164" />
        <source>保存该日</source>
        <translation>Save day</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/rules_dialog.py" line="172" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/rules_dialog.py" line="173" />
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/rules_dialog.py" line="189" />
        <source>工作日</source>
        <translation>Working day</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/rules_dialog.py" line="189" />
        <source>休息日</source>
        <translation>Day off</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/rules_dialog.py" line="191" />
        <source>（该年安排未公布，按周末估算）</source>
        <translation> (this year's schedule is not published yet; estimated from weekends)</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/rules_dialog.py" line="198" />
        <source>已保存 {day}</source>
        <translation>Saved {day}</translation>
    </message>
</context>
<context>
    <name>ShiftPicker</name>
    <message>
        <location filename="../../widgets/duty/handover_picker.py" line="30" />
        <source>上一班</source>
        <translation>Previous shift</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_picker.py" line="31" />
        <source>下一班</source>
        <translation>Next shift</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_picker.py" line="32" />
        <source>本班</source>
        <translation>This shift</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_picker.py" line="35" />
        <source>班次</source>
        <translation>Shift</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../widgets/shell/startup.py" line="72" />
        <source>12345 热线坐席</source>
        <translation>12345 Hotline Console</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/startup.py" line="149" />
        <source>连不上数据库</source>
        <translation>Cannot reach the database</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/startup.py" line="149" />
        <source>连不上数据库，控制台无法启动：请检查网络和服务器是否运行，然后重新启动。
（{detail}）</source>
        <translation>Cannot reach the database, so the console cannot start: check the network and that the server is running, then start again.
({detail})</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/startup.py" line="155" />
        <source>数据库需要升级</source>
        <translation>The database needs an upgrade</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/startup.py" line="155" />
        <source>数据库的结构版本（{current}）比本控制台需要的（{head}）旧，只有管理员能升级：请管理员用自己的账号启动一次控制台，或运行 python -m db.migrate。</source>
        <translation>The database's schema ({current}) is older than this console needs ({head}), and only an administrator can upgrade it: ask an administrator to start the console once with their own account, or to run python -m db.migrate.</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/startup.py" line="162" />
        <source>控制台需要更新</source>
        <translation>The console needs updating</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/startup.py" line="162" />
        <source>数据库已由较新版本的控制台升级（结构版本 {current}），本控制台只认识到 {head}，用它保存可能出错：请先安装新版本的控制台，再启动。数据没有任何改动。</source>
        <translation>The database was upgraded by a newer version of the console (schema version {current}); this console only knows up to {head}, and saving with it could go wrong: install the new version of the console first, then start it. Nothing in the data was changed.</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/startup.py" line="168" />
        <source>控制台启动失败</source>
        <translation>The console failed to start</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/startup.py" line="168" />
        <source>控制台启动时发生内部错误，详情已记入日志，请报告技术支持：{detail}</source>
        <translation>An internal error stopped the console from starting (the details are in the log; please report it to technical support): {detail}</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/startup.py" line="186" />
        <source>正在启动本机数据库…</source>
        <translation>Starting the local database…</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/startup.py" line="187" />
        <source>正在启动本机数据库并准备演示数据…</source>
        <translation>Starting the local database and preparing the demo data…</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/startup.py" line="197" />
        <source>本机数据库无法启动</source>
        <translation>The local database cannot start</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/startup.py" line="197" />
        <source>本机数据库无法启动：{detail}
数据目录：{path}
详情已记入日志。</source>
        <translation>The local database cannot start: {detail}
Data directory: {path}
The details are in the log.</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/startup.py" line="211" />
        <source>正在检查数据库…</source>
        <translation>Checking the database…</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/startup.py" line="218" />
        <source>正在打开控制台…</source>
        <translation>Opening the console…</translation>
    </message>
</context>
<context>
    <name>StateLine</name>
    <message>
        <location filename="../../widgets/duty/handover_form.py" line="37" />
        <source>已签收：{who} {at}（交班：{out}）</source>
        <translation>Signed off: {who} {at} (handed over by {out})</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_form.py" line="41" />
        <source>已交班：{who} {at}，待接班签字</source>
        <translation>Handed over: {who} {at}, awaiting sign-off</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_form.py" line="44" />
        <source>未交班</source>
        <translation>Not handed over</translation>
    </message>
</context>
<context>
    <name>StatsBar</name>
    <message>
        <location filename="../../widgets/stats/controls.py" line="30" />
        <source>全部街道</source>
        <translation>All streets</translation>
    </message>
    <message>
        <location filename="../../widgets/stats/controls.py" line="34" />
        <source>全部分类（大类、小类或拼音首字母）</source>
        <translation>All categories (a category, a subcategory or pinyin initials)</translation>
    </message>
    <message>
        <location filename="../../widgets/stats/controls.py" line="36" />
        <source>全部渠道</source>
        <translation>All channels</translation>
    </message>
    <message>
        <location filename="../../widgets/stats/controls.py" line="39" />
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../../widgets/stats/controls.py" line="41" />
        <source>受理时间在哪个时段</source>
        <translation>The period the cases were received in</translation>
    </message>
    <message>
        <location filename="../../widgets/stats/controls.py" line="42" />
        <source>案件现在（或最后）所在的承办单位</source>
        <translation>The unit that has the case now (or had it last)</translation>
    </message>
</context>
<context>
    <name>StatsPane</name>
    <message>
        <location filename="../../widgets/stats/stats_pane.py" line="97" />
        <source>统计中…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location filename="../../widgets/stats/stats_pane.py" line="141" />
        <source>受理量（按小时）</source>
        <translation>Intake (per hour)</translation>
    </message>
    <message>
        <location filename="../../widgets/stats/stats_pane.py" line="141" />
        <source>受理量（按日）</source>
        <translation>Intake (per day)</translation>
    </message>
    <message>
        <location filename="../../widgets/stats/stats_pane.py" line="143" />
        <source>分类排行（受理量）</source>
        <translation>Categories (intake)</translation>
    </message>
    <message>
        <location filename="../../widgets/stats/stats_pane.py" line="144" />
        <source>未分类</source>
        <translation>Uncategorised</translation>
    </message>
    <message>
        <location filename="../../widgets/stats/stats_pane.py" line="145" />
        <source>承办单位超期排行</source>
        <translation>Units by overdue cases</translation>
    </message>
    <message>
        <location filename="../../widgets/stats/stats_pane.py" line="147" />
        <source>街道排行（受理量）</source>
        <translation>Streets (intake)</translation>
    </message>
    <message>
        <location filename="../../widgets/stats/stats_pane.py" line="151" />
        <source>{period}{filters} · 更新于 {time}</source>
        <translation>{period}{filters} · updated {time}</translation>
    </message>
    <message>
        <location filename="../../widgets/stats/stats_pane.py" line="167" />
        <source>统计：{name}超期（{period}）</source>
        <translation>Statistics: {name} overdue ({period})</translation>
    </message>
    <message>
        <location filename="../../widgets/stats/stats_pane.py" line="168" />
        <source>统计：{name}（{period}）</source>
        <translation>Statistics: {name} ({period})</translation>
    </message>
    <message>
        <location filename="../../widgets/stats/stats_pane.py" line="182" />
        <source>{d} {h}时</source>
        <translation>{d} {h}:00</translation>
    </message>
    <message>
        <location filename="../../widgets/stats/stats_pane.py" line="184" />
        <source>统计：{when} {channel}</source>
        <translation>Statistics: {when} {channel}</translation>
    </message>
    <message>
        <location filename="../../widgets/stats/stats_pane.py" line="190" />
        <source>队列只显示{label}的 {n} 件案件（点队列上方的标签恢复全部）</source>
        <translation>The queue shows only the {n} cases of {label} (click the tag above the queue to show all)</translation>
    </message>
    <message>
        <location filename="../../widgets/stats/words.py" line="15" />
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../widgets/stats/words.py" line="15" />
        <source>本周</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../../widgets/stats/words.py" line="15" />
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../widgets/stats/words.py" line="16" />
        <source>自定义时段</source>
        <translation>Date range</translation>
    </message>
</context>
<context>
    <name>StatsSlot</name>
    <message>
        <location filename="../../widgets/shell/stats_slot.py" line="26" />
        <source>统计载入中…</source>
        <translation>Loading the statistics…</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <location filename="../../widgets/shell/status_line.py" line="26" />
        <source>● 数据库已连接</source>
        <translation>● Database connected</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/status_line.py" line="29" />
        <source>● 数据库连接中断，正在重连…</source>
        <translation>● Database connection lost, reconnecting…</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/status_line.py" line="34" />
        <source>本机暂存 {n} 件待提交</source>
        <translation>{n} cases waiting on this seat</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/status_line.py" line="42" />
        <source>程序内部错误（已记入日志，请报告技术支持）：{s}</source>
        <translation>Internal error (logged; please report it to technical support): {s}</translation>
    </message>
</context>
<context>
    <name>SummaryView</name>
    <message>
        <location filename="../../widgets/duty/handover_summary.py" line="69" />
        <source>受理</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_summary.py" line="70" />
        <source>办结</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_summary.py" line="70" />
        <source>归档</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_summary.py" line="71" />
        <source>在办</source>
        <translation>Still open</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_summary.py" line="71" />
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_summary.py" line="81" />
        <source>超期案件（共 {n} 件）</source>
        <translation>Overdue cases ({n})</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_summary.py" line="83" />
        <source>只列出最早到期的 {n} 件</source>
        <translation>Only the {n} due earliest are listed</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_summary.py" line="86" />
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_summary.py" line="86" />
        <source>紧急程度</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_summary.py" line="86" />
        <source>办理时限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_summary.py" line="86" />
        <source>责任单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_summary.py" line="89" />
        <source>未分拨</source>
        <translation>Not dispatched</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_summary.py" line="91" />
        <source>提醒</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_summary.py" line="91" />
        <source>催办</source>
        <translation>Urges</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_summary.py" line="92" />
        <source>催办（单位领导）</source>
        <translation>Urges to unit leaders</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_summary.py" line="93" />
        <source>督办</source>
        <translation>Supervision orders</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_summary.py" line="93" />
        <source>效能监察</source>
        <translation>Efficiency inspections</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_summary.py" line="95" />
        <source>提醒、催办与督办</source>
        <translation>Reminders, urges and supervision</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_summary.py" line="99" />
        <location filename="../../widgets/duty/handover_summary.py" line="136" />
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_summary.py" line="100" />
        <source>点名</source>
        <translation>Roll calls</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_summary.py" line="102" />
        <location filename="../../widgets/duty/handover_summary.py" line="113" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_summary.py" line="102" />
        <source>方式</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_summary.py" line="102" />
        <source>值班长</source>
        <translation>Shift leader</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_summary.py" line="102" />
        <source>共</source>
        <translation>Posts</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_summary.py" line="110" />
        <source>待跟进事项</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_summary.py" line="113" />
        <source>岗位</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_summary.py" line="113" />
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_summary.py" line="113" />
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_summary.py" line="113" />
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../widgets/duty/handover_summary.py" line="120" />
        <source>已保存的交班内容（{who}）</source>
        <translation>Saved handover notes ({who})</translation>
    </message>
</context>
<context>
    <name>SupervisionDialog</name>
    <message>
        <location filename="../../widgets/supervision/supervisor_board.py" line="72" />
        <source>督办 {n} 件案件</source>
        <translation>Supervise {n} cases</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/supervisor_board.py" line="74" />
        <source>督办要求，如：请于回复期限前办结并书面回复</source>
        <translation>What is required, e.g. resolve and reply in writing before the deadline</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/supervisor_board.py" line="85" />
        <source>督办内容</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/supervisor_board.py" line="86" />
        <source>回复期限</source>
        <translation>Reply due</translation>
    </message>
</context>
<context>
    <name>SupervisorBoard</name>
    <message>
        <location filename="../../widgets/supervision/supervisor_board.py" line="112" />
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/supervisor_board.py" line="112" />
        <source>提醒</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/supervisor_board.py" line="112" />
        <source>催办</source>
        <translation>Urge</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/supervisor_board.py" line="113" />
        <source>督办</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/supervisor_board.py" line="113" />
        <source>催办（单位领导）</source>
        <translation>Urge to the unit's leader</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/supervisor_board.py" line="114" />
        <source>效能监察</source>
        <translation>Efficiency inspection</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/supervisor_board.py" line="116" />
        <location filename="../../widgets/supervision/supervisor_board.py" line="125" />
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/supervisor_board.py" line="117" />
        <location filename="../../widgets/supervision/supervisor_board.py" line="127" />
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/supervisor_board.py" line="118" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/supervisor_board.py" line="119" />
        <source>办理时限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/supervisor_board.py" line="120" />
        <source>升级</source>
        <translation>Escalation</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/supervisor_board.py" line="121" />
        <source>（可督办）</source>
        <translation> (may be supervised)</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/supervisor_board.py" line="126" />
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/supervisor_board.py" line="128" />
        <source>回复剩余</source>
        <translation>Reply in</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/supervisor_board.py" line="129" />
        <source>签收</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/supervisor_board.py" line="129" />
        <source>已签收</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/supervisor_board.py" line="129" />
        <source>未签收</source>
        <translation>Not acknowledged</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/supervisor_board.py" line="132" />
        <source>全部责任单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/supervisor_board.py" line="151" />
        <source>签收所选督办单</source>
        <translation>Acknowledge Selected Order</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/supervisor_board.py" line="154" />
        <source>登记回复…</source>
        <translation>Record Reply…</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/supervisor_board.py" line="159" />
        <source>超时与临期案件</source>
        <translation>Overdue and at-risk cases</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/supervisor_board.py" line="169" />
        <source>待回复的督办与效能监察</source>
        <translation>Orders waiting for a reply</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/supervisor_board.py" line="181" />
        <source>超时与督办</source>
        <translation>Overdue and Supervision</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/supervisor_board.py" line="182" />
        <source>未决争议（周报）</source>
        <translation>Unsettled Disputes (Weekly Briefing)</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/supervisor_board.py" line="285" />
        <source>保存中…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/supervisor_board.py" line="322" />
        <source>逾期 {t}</source>
        <translation>overdue {t}</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/supervisor_board.py" line="335" />
        <source>请先在上表中选中要督办的案件</source>
        <translation>Select the cases to supervise in the table above first</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/supervisor_board.py" line="349" />
        <source>已督办 {n} 件</source>
        <translation>Supervision ordered for {n} cases</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/supervisor_board.py" line="351" />
        <source>；{m} 件本轮已督办，未重复：{nos}</source>
        <translation>; {m} already supervised this round, not repeated: {nos}</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/supervisor_board.py" line="357" />
        <source>；{nos} 未督办：{why}</source>
        <translation>; not supervised: {nos}: {why}</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/supervisor_board.py" line="365" />
        <source>请先在下表中选中一张督办单</source>
        <translation>Select an order in the table below first</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/supervisor_board.py" line="382" />
        <source>{no}：已签收</source>
        <translation>{no}: acknowledged</translation>
    </message>
    <message>
        <location filename="../../widgets/supervision/supervisor_board.py" line="392" />
        <source>{no}：已登记回复</source>
        <translation>{no}: reply recorded</translation>
    </message>
</context>
<context>
    <name>TellDialog</name>
    <message>
        <location filename="../../widgets/casework/case_notices.py" line="72" />
        <source>电话告知市民</source>
        <translation>Citizen told by phone</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_notices.py" line="81" />
        <source>告知市民的内容，如：已受理，编号…，承诺…前办结</source>
        <translation>What the citizen was told, e.g. accepted as no. …, to be done by …</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_notices.py" line="85" />
        <source>告知类型</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_notices.py" line="86" />
        <source>告知时间</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_notices.py" line="87" />
        <source>告知内容</source>
        <translation>What was said</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_notices.py" line="108" />
        <source>请填写告知内容</source>
        <translation>Please write what the citizen was told</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/case_notices.py" line="112" />
        <source>内容过长：最多 {limit} 字</source>
        <translation>Too long: at most {limit} characters</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../../widgets/common/texts.py" line="22" />
        <source>12345热线</source>
        <translation>12345 hotline</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="23" />
        <source>微信</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="24" />
        <source>美丽深圳APP</source>
        <translation>Beautiful Shenzhen app</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="25" />
        <source>12319热线</source>
        <translation>12319 hotline</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="26" />
        <source>政府信箱</source>
        <translation>Government mailbox</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="27" />
        <source>固话投诉</source>
        <translation>Landline complaint</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="28" />
        <source>网站</source>
        <translation>Website</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="29" />
        <source>网格员上报</source>
        <translation>Grid worker report</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="36" />
        <source>投诉</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="37" />
        <source>咨询</source>
        <translation>Enquiry</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="38" />
        <source>建议</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="39" />
        <source>求决</source>
        <translation>Request for action</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="40" />
        <source>感谢</source>
        <translation>Thanks</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="41" />
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="48" />
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="49" />
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="50" />
        <source>已分拨</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="51" />
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="52" />
        <source>已办结</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="53" />
        <source>已归档</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="54" />
        <source>已退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="55" />
        <source>争议中</source>
        <translation>Disputed</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="57" />
        <source>已合并</source>
        <translation>Merged</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="58" />
        <location filename="../../widgets/common/texts.py" line="67" />
        <source>当场答复</source>
        <translation>Answered on the call</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="59" />
        <source>无效</source>
        <translation>Invalid</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="66" />
        <source>受理</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="68" />
        <source>作废</source>
        <translation>Mark invalid</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="69" />
        <source>分拨</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="70" />
        <source>开始办理</source>
        <translation>Start work</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="71" />
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="72" />
        <source>提出争议</source>
        <translation>Raise dispute</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="73" />
        <source>裁定争议</source>
        <translation>Settle dispute</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="76" />
        <source>办结</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="77" />
        <source>合并为重复件</source>
        <translation>Merge as duplicate</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="78" />
        <source>回访满意度</source>
        <translation>Callback: satisfaction</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="79" />
        <source>回访未接通</source>
        <translation>Callback: no answer</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="80" />
        <source>回访未解决，重新办理</source>
        <translation>Callback: not fixed, reopen</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="81" />
        <source>现场核查通过，结案</source>
        <translation>Field verification passed, closed</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="82" />
        <source>现场核查未通过，重新办理</source>
        <translation>Field verification failed, handled again</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="83" />
        <source>暂停计时</source>
        <translation>Pause clock</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="84" />
        <source>恢复计时</source>
        <translation>Resume clock</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="85" />
        <source>登记</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="86" />
        <source>导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="87" />
        <source>随主件归档</source>
        <translation>Closed with its master case</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="89" />
        <source>登记督办回复</source>
        <translation>Record the order's reply</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="90" />
        <source>修改单位计时规则</source>
        <translation>Change the unit clock rule</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="91" />
        <source>修改市民告知规则</source>
        <translation>Change the citizen notice rule</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="92" />
        <source>签收</source>
        <translation>Sign for</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="93" />
        <source>转派社区</source>
        <translation>Send on to a community</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="94" />
        <source>回复办理结果</source>
        <translation>Reply with the result</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="95" />
        <source>办理进展</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="96" />
        <source>退回/延期申请</source>
        <translation>Return/extension request</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="97" />
        <source>调整紧急程度</source>
        <translation>Reclass</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="98" />
        <source>告知市民</source>
        <translation>Citizen told</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="99" />
        <source>导入历史案件</source>
        <translation>Past cases imported</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="105" />
        <source>受理告知</source>
        <translation>Acceptance notice</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="105" />
        <source>办理反馈</source>
        <translation>Result feedback</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="110" />
        <source>短信</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="110" />
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="115" />
        <source>待发送</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="115" />
        <source>重试中</source>
        <translation>Retrying</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="115" />
        <source>已发送</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="116" />
        <source>发送失败</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="116" />
        <source>已取消（改为电话告知）</source>
        <translation>Cancelled (told by phone instead)</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="117" />
        <source>已电话告知</source>
        <translation>Told by phone</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="117" />
        <source>发送未成功，稍后重试</source>
        <translation>Not sent; tried again later</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="122" />
        <source>A 类（紧急）</source>
        <translation>A (urgent)</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="122" />
        <source>B 类（较急）</source>
        <translation>B (high)</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="122" />
        <source>C 类（一般）</source>
        <translation>C (normal)</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="127" />
        <source>电话查岗</source>
        <translation>Phone check</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="127" />
        <source>视频点名</source>
        <translation>Video roll call</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="127" />
        <source>对讲机点名</source>
        <translation>Radio roll call</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="132" />
        <source>应答</source>
        <translation>Answered</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="132" />
        <source>迟到</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="132" />
        <source>缺岗</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="133" />
        <source>无人应答</source>
        <translation>No answer</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="133" />
        <source>未点</source>
        <translation>Not called</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="138" />
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="138" />
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="138" />
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="138" />
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="139" />
        <source>非常不满意</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="145" />
        <source>案件当前状态不允许此操作，请刷新后再看</source>
        <translation>The case's status does not allow this; look again after it refreshes</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="146" />
        <location filename="../../widgets/common/texts.py" line="378" />
        <source>您的岗位没有此操作的权限</source>
        <translation>Your role does not allow this</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="147" />
        <source>请填写原因</source>
        <translation>Enter a reason</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="148" />
        <source>请填写办理结果</source>
        <translation>Enter the result</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="149" />
        <source>请填写答复内容</source>
        <translation>Enter the answer</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="151" />
        <source>请选择责任单位</source>
        <translation>Choose a responsible unit</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="152" />
        <source>请填写主件编号</source>
        <translation>Enter the master case number</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="153" />
        <source>请选择满意度</source>
        <translation>Choose a satisfaction level</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="154" />
        <source>请填写提请协调的说明</source>
        <translation>Enter why the district leader should coordinate</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="155" />
        <source>请填写作出决定的区领导</source>
        <translation>Enter the district leader who decided</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="156" />
        <source>请填写区领导的决定</source>
        <translation>Enter the leader's decision</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="157" />
        <source>决定时间不能晚于现在</source>
        <translation>The time of the decision cannot be later than now</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="158" />
        <source>请填写正确的决定时间</source>
        <translation>Enter a valid time of the decision</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="159" />
        <source>该案件没有提请协调的记录：请先提请区领导协调</source>
        <translation>The case has no referral on record: refer it to the district leader first</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="160" />
        <source>满意度须为 1–5 级</source>
        <translation>Satisfaction must be from 1 to 5</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="161" />
        <source>计时已暂停</source>
        <translation>The clock is already paused</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="162" />
        <source>计时未暂停</source>
        <translation>The clock is not paused</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="163" />
        <source>单位计时规则只能是“分拨起算”或“签收起算”</source>
        <translation>A unit's clock starts either at dispatch or at signing</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="165" />
        <source>网格员上报的案件由网格现场核查，不做电话回访</source>
        <translation>A grid worker's report is verified in the field by its grid, not called back</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="166" />
        <source>只有网格员上报的案件做现场核查，有来电人的案件请回访</source>
        <translation>Only grid workers' reports are verified in the field; call back cases with a caller</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="167" />
        <source>责任单位不存在</source>
        <translation>No such responsible unit</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="168" />
        <source>只能转派给本街道的社区工作站</source>
        <translation>A case is sent on only to a community work station of the sub-centre's street</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="169" />
        <source>该责任单位已停用，请选择其他单位</source>
        <translation>That unit is inactive; choose another</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="170" />
        <source>不能与自身合并</source>
        <translation>A case cannot be merged into itself</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="171" />
        <source>找不到该编号的案件</source>
        <translation>No case has that number</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="172" />
        <source>主件已归档，不能再合并</source>
        <translation>The master case is closed; nothing more can be merged into it</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="173" />
        <source>案件不存在</source>
        <translation>The case does not exist</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="174" />
        <source>没有这个办理操作</source>
        <translation>There is no such case action</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="175" />
        <source>请选择新的紧急程度</source>
        <translation>Please choose the new class</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="176" />
        <source>紧急程度须为 A、B 或 C 类</source>
        <translation>The class must be A, B or C</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="177" />
        <source>案件已是该类，无需更改</source>
        <translation>The case is of that class already</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="178" />
        <source>无法按新类别计算办理时限，未作更改</source>
        <translation>No time limit for the new class; nothing was changed</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="179" />
        <source>已告知过市民，无需重复登记</source>
        <translation>The citizen was told already; nothing to record again</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="180" />
        <source>该案件没有可告知的市民（网格员上报或未留电话）</source>
        <translation>This case has no citizen to tell (a grid worker's report, or no phone)</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="181" />
        <source>告知时间须在受理（或办结）之后、现在之前</source>
        <translation>The citizen is told after the case was accepted (or resolved) and not later than now</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="182" />
        <source>找不到所设的短信发送插件：请检查 HOTLINE_SMS_SENDER</source>
        <translation>The SMS sender named cannot be found: check HOTLINE_SMS_SENDER</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="192" />
        <source>生成</source>
        <translation>generated it</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="193" />
        <source>加派人员</source>
        <translation>added a person</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="194" />
        <source>换人</source>
        <translation>replaced a person</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="195" />
        <source>撤下人员</source>
        <translation>took a person off</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="196" />
        <source>登记请假</source>
        <translation>recorded leave</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="197" />
        <source>调班</source>
        <translation>swapped duties</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="205" />
        <source>请输入来电号码（电话渠道必填）</source>
        <translation>Enter the caller's number (required for phone channels)</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="206" />
        <source>号码无法识别：请输入手机号（11位）或带区号的固话</source>
        <translation>Number not recognised: enter an 11-digit mobile number or a landline number with area code</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="207" />
        <source>请填写诉求内容</source>
        <translation>Enter the request details</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="208" />
        <source>请填写来电人姓名</source>
        <translation>Enter the caller's name</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="209" />
        <source>内容过长：{length} 字，最多 {limit} 字。内容已保留，请删减后再保存</source>
        <translation>Text too long: {length} characters, at most {limit}. Your text was kept; shorten it and save again</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="210" />
        <source>第 {position} 个字符是不可见的控制字符（多为粘贴带入），请删除后再保存</source>
        <translation>Character {position} is an invisible control character (usually pasted in); delete it and save again</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="212" />
        <source>内容无法识别，请重新填写</source>
        <translation>The content cannot be read; please type it again</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="213" />
        <source>请选择事项分类（可输入中文或拼音首字母搜索）</source>
        <translation>Choose a category (search in Chinese or by pinyin initials)</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="214" />
        <source>分类不存在或已停用，请重新选择</source>
        <translation>This category does not exist or is no longer in use; choose another</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="215" />
        <source>请选择到第三级分类</source>
        <translation>Choose a third-level category</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="216" />
        <source>该分类没有办理时限，无法计时：请选其他分类，或请管理员设定时限</source>
        <translation>This category has no time limit, so the case cannot count down: choose another category, or ask an administrator to set a time limit</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="217" />
        <source>请选择紧急程度 A/B/C</source>
        <translation>Choose urgency A, B or C</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="218" />
        <source>该分类标准为 {urgency} 类；如需调整，请登记后由值班长在案件窗口改类</source>
        <translation>This category's standard class is {urgency}; to change it, save the case and have a shift leader reclass it in the case window</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="219" />
        <source>请选择告知类型：受理告知或办理反馈</source>
        <translation>Please choose the notice: acceptance or result</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="220" />
        <source>请填写告知时间</source>
        <translation>Please enter when the citizen was told</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="221" />
        <source>告知时间不能晚于现在</source>
        <translation>The time the citizen was told cannot be in the future</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="222" />
        <source>请选择来源渠道</source>
        <translation>Choose the channel</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="223" />
        <source>请选择诉求性质</source>
        <translation>Choose the request type</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="224" />
        <source>网格不存在，请重新选择</source>
        <translation>This grid cell does not exist; choose another</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="225" />
        <source>网格不属于所选社区</source>
        <translation>This grid cell is not in the chosen community</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="226" />
        <source>网格不属于所选街道</source>
        <translation>The grid cell is not in the chosen street</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="227" />
        <source>社区不存在，请重新选择</source>
        <translation>This community does not exist; choose another</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="228" />
        <source>社区不属于所选街道</source>
        <translation>This community is not in the chosen street</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="229" />
        <source>街道不存在，请重新选择</source>
        <translation>This street does not exist; choose another</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="230" />
        <source>位置坐标无效：请在地图上重新选点</source>
        <translation>The location's coordinates are not valid: pick the place on the map again</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="231" />
        <source>地图选点不在所选网格内（网格边界可能刚更新）：请在地图上重新选点</source>
        <translation>The point picked is not inside the chosen grid cell (its boundary may just have changed): pick the place on the map again</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="233" />
        <source>没有这个名称的街道、社区或网格：输入其中几个字，按 Enter 选中</source>
        <translation>No street, community or grid cell by that name: type part of the name and press Enter to pick it</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="234" />
        <source>请填写督办内容</source>
        <translation>Enter the order's text</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="235" />
        <source>提醒比例须在 1% 到 99% 之间</source>
        <translation>The reminder share must be between 1% and 99%</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="236" />
        <source>督办工作日须为 0 或以上</source>
        <translation>The working days before supervision must be 0 or more</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="237" />
        <source>二次催办的工作小时须在 1 到 720 之间</source>
        <translation>The working hours before the second urge must be between 1 and 720</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="238" />
        <source>争议通报的工作日须在 0 到 366 之间</source>
        <translation>The working days before the briefing lists a dispute must be between 0 and 366</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="239" />
        <source>回复期限须晚于现在</source>
        <translation>The reply deadline must be later than now</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="240" />
        <source>案件已办结或不存在，不能督办</source>
        <translation>The case is closed or does not exist; it cannot be supervised</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="241" />
        <source>督办单不存在</source>
        <translation>No such order</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="242" />
        <source>该督办单已签收</source>
        <translation>This order has been acknowledged already</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="243" />
        <source>该督办单已回复</source>
        <translation>This order has been answered already</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="249" />
        <source>承办单位账号不能同时是管理员</source>
        <translation>A unit handler's account cannot also be an administrator</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="250" />
        <source>案件不在本单位办理中，不能申请或记录</source>
        <translation>The case is not being handled by this unit: nothing can be applied for or recorded</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="251" />
        <source>已过退回申请时限（{ends}），请办理或申请延期</source>
        <translation>The time to apply for a return has passed ({ends}): handle the case or apply for an extension</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="252" />
        <source>签收时限须为 {min}–{max} 个工作小时</source>
        <translation>The sign limit is {min}–{max} working hours</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="253" />
        <source>退回申请期须为 {min}–{max} 个工作日</source>
        <translation>The return window is {min}–{max} working days</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="254" />
        <source>受理告知时限须为 {min}–{max} 分钟</source>
        <translation>The acceptance notice is due within {min}–{max} minutes</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="255" />
        <source>办理反馈时限须为 {min}–{max} 分钟</source>
        <translation>Result feedback is due within {min}–{max} minutes</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="256" />
        <source>短信发送次数须为 {min}–{max} 次</source>
        <translation>An SMS is tried {min}–{max} times</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="257" />
        <source>模板中有无法识别的占位符 {names}（可用：{known}）</source>
        <translation>The template has unknown placeholders {names} (known: {known})</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="258" />
        <source>请填写受理告知模板</source>
        <translation>Enter the acceptance notice template</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="259" />
        <source>请填写办理反馈模板</source>
        <translation>Enter the result feedback template</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="260" />
        <source>该案件已有同类申请待审批</source>
        <translation>The case already has a request of this kind waiting for a decision</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="261" />
        <source>延期天数须为 1–{max} 个工作日</source>
        <translation>An extension is 1–{max} working days</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="262" />
        <source>申请不存在</source>
        <translation>The request does not exist</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="263" />
        <source>该申请已审批，不能再改</source>
        <translation>The request has been decided and cannot be changed</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="264" />
        <source>不能审批自己提出的申请</source>
        <translation>You cannot decide your own request</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="265" />
        <source>请填写申请理由</source>
        <translation>Give the reason for the request</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="266" />
        <source>不同意时请填写理由</source>
        <translation>Give a reason when refusing</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="267" />
        <source>请填写办理进展</source>
        <translation>Describe the progress</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="268" />
        <source>承办单位账号请选择所属单位</source>
        <translation>Choose the unit of a unit handler's account</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="303" />
        <source>请填写问题</source>
        <translation>Please enter the question</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="304" />
        <source>请填写答复</source>
        <translation>Please enter the answer</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="305" />
        <source>该条答复已被删除，已刷新</source>
        <translation>This answer was deleted meanwhile; the list is refreshed</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="306" />
        <source>关键词“{keyword}”过长，每个最多 {limit} 字</source>
        <translation>Keyword “{keyword}” is too long; at most {limit} characters each</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="307" />
        <source>关键词“{keyword}”含有空格、标点或不可见字符</source>
        <translation>Keyword “{keyword}” contains a space, punctuation or an invisible character</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="308" />
        <source>关键词 {count} 个，最多 {limit} 个</source>
        <translation>{count} keywords; at most {limit}</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="309" />
        <source>导入方案有误，请检查：{keys}</source>
        <translation>The import profile is wrong; check: {keys}</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="310" />
        <source>文件超过 {limit_mb} MB：请分成几个文件导入</source>
        <translation>The file is over {limit_mb} MB: split it and import the parts</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="311" />
        <source>无法读取文件：{reason}</source>
        <translation>Cannot read the file: {reason}</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="312" />
        <source>文件编码无法识别：请另存为 UTF-8 或 GB18030 编码的 CSV</source>
        <translation>Unknown file encoding: save it as a UTF-8 or GB18030 CSV</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="313" />
        <source>文件中没有数据</source>
        <translation>The file holds no data</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="314" />
        <source>文件缺少导入方案要读的列：{columns}</source>
        <translation>The file lacks columns the profile reads: {columns}</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="315" />
        <source>第 {line} 行无法按 CSV 读取</source>
        <translation>Line {line} cannot be read as CSV</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="316" />
        <source>不是有效的 JSON：第 {line} 行第 {column} 列有误</source>
        <translation>Not valid JSON: error at line {line}, column {column}</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="317" />
        <source>不是有效的 XML：第 {line} 行第 {column} 列有误</source>
        <translation>Not valid XML: error at line {line}, column {column}</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="318" />
        <source>不是 Open311 服务请求列表（service_requests）</source>
        <translation>Not a list of Open311 service requests (service_requests)</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="319" />
        <source>缺少{field}</source>
        <translation>{field} missing</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="320" />
        <source>{field}无法识别：{value}</source>
        <translation>{field} not understood: {value}</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="321" />
        <source>{field}超出 2000–2199 年：{value}</source>
        <translation>{field} outside 2000–2199: {value}</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="322" />
        <source>{field}晚于现在：{value}</source>
        <translation>{field} is later than now: {value}</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="323" />
        <source>{field}早于登记时间：{value}</source>
        <translation>{field} is before the time recorded: {value}</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="324" />
        <source>{field}不是有效的经纬度：{value}</source>
        <translation>{field} is no valid coordinate: {value}</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="325" />
        <source>{field}过长，最多 {limit} 字</source>
        <translation>{field} too long: at most {limit} characters</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="326" />
        <source>编号过长，最多 {limit} 个字符</source>
        <translation>Id too long: at most {limit} characters</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="327" />
        <source>编号与第 {line} 行重复</source>
        <translation>Same id as line {line}</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="328" />
        <source>同时标为按期和超期</source>
        <translation>Flagged both on time and overdue</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="329" />
        <source>未办结的诉求缺少应办结时间</source>
        <translation>An open case without its due time</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="330" />
        <source>“{name}”还没有对应或新建</source>
        <translation>"{name}" is not mapped or created yet</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="340" />
        <source>升级规则刚被 {who} 修改，未保存您的改动；已显示最新值，请确认后再保存</source>
        <translation>{who} just changed the escalation rule; your changes were not saved. The latest values are shown: check them before saving</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="342" />
        <source>计时规则刚被 {who} 修改，未保存您的改动；已显示最新值，请确认后再保存</source>
        <translation>{who} has just changed the clock rule; your changes were not saved. The latest values are shown: check them and save again</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="344" />
        <source>告知规则刚被 {who} 修改，未保存您的改动；已显示最新值，请确认后再保存</source>
        <translation>{who} has just changed the notice rule; your changes were not saved. The latest values are shown: check them and save again</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="348" />
        <source>导入方案刚被 {who} 保存，本次未导入任何内容；请重新读取文件后再导入</source>
        <translation>{who} has just saved the import profile; nothing was imported. Read the file again, then import</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="350" />
        <source>其中一些编号刚在别处导入，本次未导入任何内容；请重新读取文件后再导入</source>
        <translation>Some of these ids were imported elsewhere meanwhile; nothing was imported. Read the file again, then import</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="379" />
        <source>只有值班长和管理员可以编辑秒回知识库</source>
        <translation>Only shift leaders and administrators may edit the quick-answer base</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="380" />
        <source>导入已取消，未写入任何内容</source>
        <translation>Import cancelled; nothing was written</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="381" />
        <source>导出已取消，未留下任何文件</source>
        <translation>Export cancelled; no file was left behind</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="382" />
        <source>无法写入导出文件，未留下任何文件；请换一个位置再试</source>
        <translation>The export file cannot be written; no file was left behind. Try another place</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="383" />
        <source>数据库正忙：所需的记录被其他席位占用过久，本次未保存任何内容，请稍后再试</source>
        <translation>The database is busy: what this needs was held by another seat for too long. Nothing was saved; please try again in a moment</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="385" />
        <source>边界数据有问题，未作任何更改：见问题列表</source>
        <translation>The boundary data has problems; nothing was changed: see the list of problems</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="393" />
        <source>操作未完成（{code}）：请稍后再试；仍不行请报告技术支持</source>
        <translation>Not done ({code}): please try again later; if it still fails, tell technical support</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="150" />
        <location filename="../../widgets/common/texts.py" line="244" />
        <source>请填写回复内容</source>
        <translation>Enter the reply</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="56" />
        <source>区领导协调中</source>
        <translation>With the district leader</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="74" />
        <source>提请区领导协调</source>
        <translation>Refer to the District Leader</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="75" />
        <source>登记区领导决定</source>
        <translation>Record the Leader's Decision</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="88" />
        <source>升级</source>
        <translation>Escalation</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="164" />
        <source>这件案件已转派给社区，由社区签收、回复和申请；街道分中心只能查看</source>
        <translation>This case was dispatched on to a community: the community signs, replies and applies; the street sub-centre can only watch it</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="245" />
        <source>登录名只能用小写字母、数字和下划线，2–63 位，以字母开头</source>
        <translation>A login name is 2–63 lower-case letters, digits and underscores, starting with a letter</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="246" />
        <source>没有这个登录名的账号</source>
        <translation>No account has that login</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="247" />
        <source>请填写姓名</source>
        <translation>Enter the name</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="248" />
        <source>请至少选择一个岗位</source>
        <translation>Choose at least one role</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="269" />
        <source>密码至少 {min} 位</source>
        <translation>The password needs at least {min} characters</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="270" />
        <source>请只填一种时限：小时或工作日</source>
        <translation>Give one limit only: hours or working days</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="271" />
        <source>时限须大于零</source>
        <translation>The limit must be above zero</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="272" />
        <source>时限须为整数</source>
        <translation>The limit must be a whole number</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="273" />
        <source>时限过长，请核对</source>
        <translation>That limit is too long; please check it</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="274" />
        <source>「{shift}」时长 {hours} 小时：班次须在 1–24 小时之间，否则与次日同一班次重叠</source>
        <translation>"{shift}" lasts {hours} hours: a shift must last 1–24 hours, or it overlaps its own next turn</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="275" />
        <source>「{shift}」与「{other}」时间重叠，请调整开始时间或时长</source>
        <translation>"{shift}" overlaps "{other}": change the start or the length</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="276" />
        <source>请填写代码</source>
        <translation>Enter a code</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="277" />
        <source>轮班规则用到了不存在的班次：{codes}</source>
        <translation>The rotation uses shifts that do not exist: {codes}</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="278" />
        <source>轮班规则为空：请先设置班组和轮转顺序</source>
        <translation>The rotation is empty: set up the teams and the cycle first</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="279" />
        <source>轮班规则第 {position} 天没有班组上「{shift}」</source>
        <translation>On day {position} of the rotation no team works "{shift}"</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="280" />
        <source>轮班规则第 {position} 天有两个班组上「{shift}」</source>
        <translation>On day {position} of the rotation two teams work "{shift}"</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="281" />
        <source>轮班规则使 {team} 两班之间只休息 {hours} 小时，低于规定</source>
        <translation>The rotation leaves {team} only {hours} hours between shifts, less than the rule</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="282" />
        <source>本月已有 {count} 条排班；重新生成会覆盖所有调整</source>
        <translation>This month already has {count} roster entries; generating again discards every change</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="283" />
        <source>「{post}」没有{team}的人员，无法排班：请先为该岗位配人</source>
        <translation>"{post}" has nobody from {team}: assign people to the post first</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="284" />
        <source>{day} {shift}「{post}」将无人在岗：请指定顶班人员</source>
        <translation>{day} {shift}: nobody would be left at "{post}"; name a stand-in</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="285" />
        <source>{person} 将同时在两个班次上岗</source>
        <translation>{person} would be on two shifts at once</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="286" />
        <source>{person} 两班之间只休息 {hours} 小时，少于规定的 {minimum} 小时</source>
        <translation>{person} would rest only {hours} hours between shifts, less than the {minimum} hours required</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="287" />
        <source>只能对在岗排班请假或调班</source>
        <translation>Leave and swaps apply to duties only</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="288" />
        <source>请选择另一人、另一班次的排班来调换</source>
        <translation>Choose another person's duty on another shift to swap with</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="289" />
        <source>人员不存在或已停用</source>
        <translation>The person does not exist or is disabled</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="290" />
        <source>该条排班已被他人删除或改动，已刷新</source>
        <translation>Someone else removed or changed this entry; the day has been reloaded</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="291" />
        <source>请填写请假事由</source>
        <translation>Enter the reason for the leave</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="292" />
        <source>请选择点名方式：电话、视频或对讲机</source>
        <translation>Choose the channel: phone, video or radio</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="293" />
        <source>没有要点名的岗位：当前排班无人在岗，或所选岗位不存在</source>
        <translation>No posts to call: nobody is rostered now, or the chosen posts do not exist</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="294" />
        <source>该点名记录不存在</source>
        <translation>This roll call does not exist</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="295" />
        <source>请选择结果：应答、迟到、缺岗或无人应答</source>
        <translation>Choose a result: answered, late, absent or no answer</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="296" />
        <source>迟到须填写分钟数（1–{max}）</source>
        <translation>Late needs the minutes (1–{max})</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="297" />
        <source>该次点名已结束，不能再修改</source>
        <translation>This roll call is finished and can no longer be changed</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="298" />
        <source>还有 {count} 个岗位未标记结果</source>
        <translation>{count} posts are not marked yet</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="299" />
        <source>班次不存在</source>
        <translation>The shift does not exist</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="300" />
        <source>交班记录不存在</source>
        <translation>The handover does not exist</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="301" />
        <source>该班已由 {who} 签字接班，不能再修改</source>
        <translation>{who} has signed this shift over; it can no longer be changed</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="302" />
        <source>不能签收自己交出的班，请由接班值班长签字</source>
        <translation>You cannot sign off your own handover: the incoming shift leader signs</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="338" />
        <source>本班已由 {who} 提交交班记录，已显示其内容，请在其基础上补充</source>
        <translation>{who} has already handed this shift over; their record is shown, add to it</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="339" />
        <source>{who} 刚更新了交班内容，已显示最新内容，请阅读后再签字</source>
        <translation>{who} just updated the handover; the latest version is shown, read it before signing</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="346" />
        <source>该案件本轮已督办，未重复下单</source>
        <translation>This case is already under supervision this round; no second order was made</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="347" />
        <source>该登录名已被使用</source>
        <translation>That login is taken</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="357" />
        <source>这一天的排班刚被 {who} 于 {at} {action}，已显示最新排班，请确认后再改</source>
        <translation>{who} just changed this day's roster at {at} ({action}); the latest roster is shown, check it before changing it again</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="363" />
        <source>该案件刚被 {who} 于 {at} 执行了「{action}」，已显示最新状态，请确认后再操作</source>
        <translation>{who} did “{action}” on this case at {at}; the latest state is shown, please check it before acting</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="373" />
        <source>有 {n} 项需要更正，见标红的字段；未保存任何内容</source>
        <translation>{n} field(s) need correcting, see the fields marked in red; nothing was saved</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="375" />
        <source>数据库连接中断：已填写的内容保留在本机，连接恢复后按 Enter 再次保存即可</source>
        <translation>Database connection lost: what you entered is kept on this computer; press Enter to save again once the connection is back</translation>
    </message>
    <message>
        <location filename="../../widgets/common/texts.py" line="360" />
        <location filename="../../widgets/common/texts.py" line="377" />
        <source>该记录已被他人修改，请刷新后重试</source>
        <translation>Someone else has changed this record; refresh and try again</translation>
    </message>
</context>
<context>
    <name>TileBoard</name>
    <message>
        <location filename="../../widgets/stats/tiles.py" line="54" />
        <source>受理量</source>
        <translation>Intake</translation>
    </message>
    <message>
        <location filename="../../widgets/stats/tiles.py" line="54" />
        <source>在办</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../widgets/stats/tiles.py" line="55" />
        <source>当前超期</source>
        <translation>Overdue now</translation>
    </message>
    <message>
        <location filename="../../widgets/stats/tiles.py" line="55" />
        <source>按期办结率</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <location filename="../../widgets/stats/tiles.py" line="56" />
        <source>受理告知率</source>
        <translation>Acceptance notices</translation>
    </message>
    <message>
        <location filename="../../widgets/stats/tiles.py" line="56" />
        <source>办理反馈率</source>
        <translation>Result feedback</translation>
    </message>
    <message>
        <location filename="../../widgets/stats/tiles.py" line="57" />
        <source>回访率</source>
        <translation>Callbacks</translation>
    </message>
    <message>
        <location filename="../../widgets/stats/tiles.py" line="57" />
        <source>满意率</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../widgets/stats/tiles.py" line="67" />
        <source>此刻</source>
        <translation>now</translation>
    </message>
    <message>
        <location filename="../../widgets/stats/tiles.py" line="68" />
        <source>此刻，未暂停</source>
        <translation>now, not paused</translation>
    </message>
    <message>
        <location filename="../../widgets/stats/tiles.py" line="77" />
        <source>{done} / {of} 评价 · 未接通 {u}</source>
        <translation>{done} / {of} rated · {u} unreachable</translation>
    </message>
    <message>
        <location filename="../../widgets/stats/tiles.py" line="83" />
        <source>无可计</source>
        <translation>nothing to count</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../widgets/casework/timeline_model.py" line="24" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/timeline_model.py" line="26" />
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/timeline_model.py" line="27" />
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/timeline_model.py" line="28" />
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/timeline_model.py" line="39" />
        <source>系统</source>
        <translation>system</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/timeline_model.py" line="44" />
        <source>{level}单已签收</source>
        <translation>{level} order acknowledged</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/timeline_model.py" line="46" />
        <source>{level}单已回复：{text}</source>
        <translation>{level} order answered: {text}</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/timeline_model.py" line="47" />
        <source>自动{level}</source>
        <translation>automatic {level}</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/timeline_model.py" line="52" />
        <source>限 {at} 前回复</source>
        <translation>reply by {at}</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/timeline_model.py" line="58" />
        <source>编号 {no}</source>
        <translation>number {no}</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/timeline_model.py" line="62" />
        <source>原受理时间 {at}，导入时状态：{status}</source>
        <translation>accepted {at}; status when imported: {status}</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/timeline_model.py" line="81" />
        <source>自动分拨：分类「{c}」按属地交事发街道 {u}</source>
        <translation>automatic dispatch: category \u201c{c}\u201d goes to the street where it happened, {u}</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/timeline_model.py" line="84" />
        <source>自动分拨：分类「{c}」归属 {u}</source>
        <translation>automatic dispatch: category \u201c{c}\u201d belongs to {u}</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/timeline_model.py" line="89" />
        <source>{was} 类改为 {new} 类，时限按新类别自受理起重算：{due}</source>
        <translation>class {was} changed to {new}; deadline worked out again from acceptance by the new class's rule: {due}</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/timeline_model.py" line="93" />
        <source>区领导 {who}{when} 决定：{what}</source>
        <translation>District leader {who}{when} decided: {what}</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/timeline_model.py" line="102" />
        <source>第 {n} 次</source>
        <translation>attempt {n}</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/timeline_model.py" line="104" />
        <source>多次未接通，结案</source>
        <translation>no answer after several tries; closed</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/timeline_model.py" line="115" />
        <source>提醒</source>
        <translation>reminder</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/timeline_model.py" line="115" />
        <source>催办</source>
        <translation>urge</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/timeline_model.py" line="115" />
        <source>催办（单位领导）</source>
        <translation>urge to the unit's leader</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/timeline_model.py" line="116" />
        <source>督办</source>
        <translation>supervision</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/timeline_model.py" line="116" />
        <source>效能监察</source>
        <translation>efficiency inspection</translation>
    </message>
</context>
<context>
    <name>UnitDesk</name>
    <message>
        <location filename="../../widgets/units/unit_desk.py" line="62" />
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../widgets/units/unit_desk.py" line="63" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../widgets/units/unit_desk.py" line="64" />
        <source>签收剩余</source>
        <translation>Left to sign</translation>
    </message>
    <message>
        <location filename="../../widgets/units/unit_desk.py" line="65" />
        <source>办结剩余</source>
        <translation>Left to finish</translation>
    </message>
    <message>
        <location filename="../../widgets/units/unit_desk.py" line="66" />
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../widgets/units/unit_desk.py" line="67" />
        <source>诉求</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../../widgets/units/unit_desk.py" line="152" />
        <source>本单位在办 {n} 件，待签收 {s} 件，其中超时未签收 {late} 件</source>
        <translation>{n} cases with the unit, {s} to sign for, {late} of them late</translation>
    </message>
    <message>
        <location filename="../../widgets/units/unit_desk.py" line="165" />
        <source>超时 {t}</source>
        <translation>Late by {t}</translation>
    </message>
    <message>
        <location filename="../../widgets/units/unit_desk.py" line="169" />
        <source>已签收</source>
        <translation>Signed for</translation>
    </message>
    <message>
        <location filename="../../widgets/units/unit_desk.py" line="176" />
        <source>待签收</source>
        <translation>To sign for</translation>
    </message>
    <message>
        <location filename="../../widgets/units/unit_desk.py" line="178" />
        <source>退回申请中</source>
        <translation>return requested</translation>
    </message>
    <message>
        <location filename="../../widgets/units/unit_desk.py" line="178" />
        <source>延期申请中</source>
        <translation>extension requested</translation>
    </message>
    <message>
        <location filename="../../widgets/units/unit_desk.py" line="214" />
        <source>请先选中一件本单位的案件</source>
        <translation>Select one of the unit's cases first</translation>
    </message>
    <message>
        <location filename="../../widgets/units/unit_desk.py" line="221" />
        <source>{no} 已签收</source>
        <translation>{no} is signed for already</translation>
    </message>
    <message>
        <location filename="../../widgets/units/unit_desk.py" line="223" />
        <source>{no}：已签收</source>
        <translation>{no}: signed for</translation>
    </message>
    <message>
        <location filename="../../widgets/units/unit_desk.py" line="235" />
        <source>申请退回</source>
        <translation>Apply to return</translation>
    </message>
    <message>
        <location filename="../../widgets/units/unit_desk.py" line="235" />
        <source>退回理由</source>
        <translation>Reason for the return</translation>
    </message>
    <message>
        <location filename="../../widgets/units/unit_desk.py" line="238" />
        <source>{no}：已提交退回申请，等待分拨员审批</source>
        <translation>{no}: return requested, waiting for a dispatcher</translation>
    </message>
    <message>
        <location filename="../../widgets/units/unit_desk.py" line="241" />
        <source>申请延期</source>
        <translation>Apply for an extension</translation>
    </message>
    <message>
        <location filename="../../widgets/units/unit_desk.py" line="241" />
        <source>延期</source>
        <translation>Extend by</translation>
    </message>
    <message>
        <location filename="../../widgets/units/unit_desk.py" line="242" />
        <source>延期理由</source>
        <translation>Reason for the extension</translation>
    </message>
    <message>
        <location filename="../../widgets/units/unit_desk.py" line="245" />
        <source>{no}：已提交延期申请，等待值班长或督办审批</source>
        <translation>{no}: extension requested, waiting for a shift leader or supervisor</translation>
    </message>
    <message>
        <location filename="../../widgets/units/unit_desk.py" line="248" />
        <source>记录进展</source>
        <translation>Record progress</translation>
    </message>
    <message>
        <location filename="../../widgets/units/unit_desk.py" line="248" />
        <source>办理进展</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../widgets/units/unit_desk.py" line="250" />
        <source>{no}：已记录进展</source>
        <translation>{no}: progress recorded</translation>
    </message>
    <message>
        <location filename="../../widgets/units/unit_desk.py" line="255" />
        <source>{no} 尚未签收：请先签收（S）再回复</source>
        <translation>{no} is not signed for: sign for it (S) before replying</translation>
    </message>
    <message>
        <location filename="../../widgets/units/unit_desk.py" line="258" />
        <source>回复办结</source>
        <translation>Reply with the result</translation>
    </message>
    <message>
        <location filename="../../widgets/units/unit_desk.py" line="258" />
        <source>办理结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../widgets/units/unit_desk.py" line="259" />
        <source>附件说明</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../widgets/units/unit_desk.py" line="262" />
        <source>{no}：已回复办结，等待回访</source>
        <translation>{no}: replied with the result, waiting for the callback</translation>
    </message>
    <message>
        <location filename="../../widgets/units/unit_desk.py" line="263" />
        <source>附件只记文字说明（如“整改前后照片各一张”），不上传文件</source>
        <translation>Attachments are described in words (e.g. "one photo before and one after"); no files are uploaded</translation>
    </message>
    <message>
        <location filename="../../widgets/units/unit_desk.py" line="267" />
        <source>保存中…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../widgets/units/unit_desk.py" line="273" />
        <source>本单位不是街道分中心，没有可转派的社区</source>
        <translation>This unit is not a street sub-centre: it has no communities to send cases on to</translation>
    </message>
    <message>
        <location filename="../../widgets/units/unit_desk.py" line="276" />
        <source>{no} 已签收，不能再转派</source>
        <translation>{no} is signed for: it can no longer be sent on</translation>
    </message>
    <message>
        <location filename="../../widgets/units/unit_desk.py" line="278" />
        <source>转派社区</source>
        <translation>Send on to a community</translation>
    </message>
    <message>
        <location filename="../../widgets/units/unit_desk.py" line="278" />
        <source>社区工作站</source>
        <translation>Community work station</translation>
    </message>
    <message>
        <location filename="../../widgets/units/unit_desk.py" line="282" />
        <source>{no}：已转派社区</source>
        <translation>{no}: sent on to the community</translation>
    </message>
</context>
<context>
    <name>UnitFinishClock</name>
    <message>
        <location filename="../../widgets/units/finish_clock.py" line="30" />
        <source>暂停计时</source>
        <translation>Clock paused</translation>
    </message>
    <message>
        <location filename="../../widgets/units/finish_clock.py" line="33" />
        <source>签收超时 {t}</source>
        <translation>Signing overdue {t}</translation>
    </message>
    <message>
        <location filename="../../widgets/units/finish_clock.py" line="34" />
        <source>{at}前签收</source>
        <translation>sign by {at}</translation>
    </message>
    <message>
        <location filename="../../widgets/units/finish_clock.py" line="38" />
        <source>超时 {t}</source>
        <translation>Overdue {t}</translation>
    </message>
    <message>
        <location filename="../../widgets/units/finish_clock.py" line="44" />
        <source>本单位的办结时限从签收起算，尚未开始；须于 {at} 前签收</source>
        <translation>The unit's limit starts at its signing and has not started yet; sign by {at}</translation>
    </message>
    <message>
        <location filename="../../widgets/units/finish_clock.py" line="47" />
        <source>本单位办结时限：{at}</source>
        <translation>The unit's deadline: {at}</translation>
    </message>
    <message>
        <location filename="../../widgets/units/finish_clock.py" line="49" />
        <source>案件办结时限：{at}</source>
        <translation>The case's deadline: {at}</translation>
    </message>
</context>
<context>
    <name>UnitForm</name>
    <message>
        <location filename="../../widgets/units/unit_form.py" line="60" />
        <source> 个工作日</source>
        <translation> working days</translation>
    </message>
    <message>
        <location filename="../../widgets/units/unit_form.py" line="98" />
        <source>请填写「{label}」</source>
        <translation>Fill in "{label}"</translation>
    </message>
</context>
<context>
    <name>VerificationDesk</name>
    <message>
        <location filename="../../widgets/casework/verification_desk.py" line="37" />
        <source>网格员上报的案件由所属网格现场核查后登记：{keys}</source>
        <translation>Grid workers' reports, recorded after the grid's squad checked on the spot: {keys}</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/verification_desk.py" line="41" />
        <source>请先选中一件待核查的案件</source>
        <translation>Select a case waiting for verification first</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/verification_desk.py" line="47" />
        <source>{no}：已记录「{what}」</source>
        <translation>{no}: recorded "{what}"</translation>
    </message>
    <message>
        <location filename="../../widgets/casework/verification_desk.py" line="44" />
        <source>保存中…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>WorkDialog</name>
    <message>
        <location filename="../../widgets/common/work_dialog.py" line="40" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
</TS>