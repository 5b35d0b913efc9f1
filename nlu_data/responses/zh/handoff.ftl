# 转人工（面向借款人）与坐席工作台（面向坐席）。

crisis_support =
    听到您正在经历这些，我们非常难过。您不必独自面对，请现在就联系能立即提供帮助的专业人员：
    { $hotlines }
    我们的同事也会尽快与您联系。您的安全远比任何还款都重要。
handoff_ack_bereavement = 听到这个消息，我们深感难过，请您节哀。感谢您在这样艰难的时候告诉我们。
handoff_ack_abuse = 感谢您信任我们，告诉我们这些。您的安全最重要：如果您现在有危险，请立即报警。
handoff_ack_vulnerable = 感谢您告诉我们。很抱歉您正经历困难，我们的同事会充分考虑您的情况。
handoff_created = 我已将您的对话连同您告诉我的内容转交给我们的客服同事，您无需重复说明。他们会在这个对话中回复您。
handoff_already_open = 您的对话已经在由我们的客服处理，我已把这条消息转给他们，他们会在这里回复您。
handoff_wait_urgent = 客服会在 { $minutes } 分钟内回复您。
handoff_wait_high = 客服通常会在 { $minutes } 分钟内回复您。
handoff_wait_normal = 客服通常会在 { $hours } 小时内回复您。
handoff_dispute_hold = 在我们核实期间，您不会收到这笔借款的还款提醒或催收消息。
handoff_out_of_hours = 我们的客服现在不在班，将于 { $back } 上班，届时会第一时间查看您的消息。您也可以预约一个方便的时间由我们回电。
balance_on_hold = 借款 { $loan_id } 正在由我们的团队核实您反映的问题，在答复您之前暂不要求还款。
handoff_agent_joined = 我们的客服同事已加入对话，稍后会回复您。
handoff_resolved = 客服同事已结束本次对话，感谢您的耐心。如有其他需要，我随时在这里：发送 /menu。
handoff_returned = 您已回到自动助手。发送 /menu 查看我能为您做什么；随时可以再次要求转人工。
relay_with_agent = 我们的客服正在处理您的对话，请直接在这里发消息，他们会回复您。
agent_plan_recorded =
    我们的客服已与您商定还款方案。方案 { $plan_id }：
    { $schedule }
    合计：{ $total }。按方案还款期间，逾期费用冻结。
agent_plan_failed = 方案未能记录：{ $reason }

agent_card =
    🎫 { $ticket_id } —— { $reason } —— 优先级 { $priority }
    应回复时限：{ $sla_due }
    借款人：{ $borrower }
    借款：{ $loan } · 逾期 { $overdue } · 逾期 { $days } 天
    信号：{ $signals }
    触发消息：{ $trigger }
    机器人已提供：{ $offered }
    联系偏好：{ $contact }
    最近消息：
    { $transcript }
    话题内指令：/note 备注内容，/approve 期数，/approve defer 天数。
agent_contact_borrower_only = 只就本笔借款联系借款人本人（{ $since } 提出）
agent_contact_no_messages = 不接收主动消息（{ $since } 提出）
agent_unverified = 未验证
agent_btn_claim = ✋ 认领
agent_btn_resolve = ✅ 结案
agent_btn_return = ↩️ 交回机器人
agent_claimed = 已由 { $name } 认领。
agent_not_allowed = 只有坐席群成员才能处理工单。
agent_choose_outcome = 请选择处理结果：
agent_resolved = 已结案：{ $outcome }。
agent_returned = 已交回机器人。
agent_stale_button = 该按钮已失效。
agent_refused = 未执行：{ $detail }
agent_note_saved = 备注已保存。
agent_plan_approved = 方案 { $plan_id } 已按您的审批记录，借款人已收到还款计划。
agent_priority_urgent = ⚠️ 出现自伤迹象：本工单已升级为紧急。已向借款人发送危机求助信息。
outcome_dispute_upheld = 异议成立
outcome_dispute_rejected = 异议不成立
outcome_plan_agreed = 已达成方案
outcome_referred = 已转交
outcome_no_contact = 未能联系
outcome_resolved = 已解决
hardship_on_hold = 借款 { $loan_id } 正在由我们的团队核实您反映的问题，目前无需办理还款方案。客服同事会和您一起看看有哪些选择。
agent_btn_approve = 📝 审批方案
agent_choose_plan = 请选择审批的方案（超出自助办理范围，将记录您的坐席编号）：
agent_plan_installments = 分 { $number } 期
agent_plan_deferral = 延期 { $number } 天
