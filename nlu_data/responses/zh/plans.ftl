# 困难还款方案、还款承诺、预约回电、“我答应了什么”（中文）。
# 语气：尊重、乐于帮助、陈述事实；说明限制，绝不以此施压。

## 为什么这里无法办理（原因代码见 actions/domain/reasons.py）

reason_dpd_over_limit = 这里可办理的还款方案仅适用于逾期不超过 { $limit } 天的情况；您目前已逾期 { $days_past_due } 天。
reason_overdue_below_minimum = 逾期金额达到 { $minimum } 才可在这里办理还款方案；您的逾期金额为 { $overdue }，直接全额还款最为简便。
reason_broken_plan_recently = 您之前的还款方案已于 { $broken_on } 终止（未按约履行）；此后 { $days } 天内，新的方案需要由客服同事为您办理。
reason_plan_already_active = 您已有一个正在执行的还款方案，发送 /agreements 可以查看。同一时间只能有一个方案。
reason_installments_out_of_range = 这里可办理 { $min } 至 { $max } 期的按月分期；{ $requested } 期不在此范围内。
reason_first_due_out_of_range = 第一期还款日需在 { $earliest } 至 { $latest } 之间；{ $requested } 不在此范围内。
reason_first_instalment_below_minimum = 第一期金额至少为 { $minimum }；该方案的第一期为 { $first }。
reason_deferral_dpd_over_limit = 延期一次性还款仅适用于逾期不超过 { $limit } 天的情况；您目前已逾期 { $days_past_due } 天。分期还款仍然可以办理。
reason_deferral_used_recently = 延期每 { $months } 个月可办理一次；上次办理日期为 { $used_on }，下次可办理日期为 { $next_on }。
reason_defer_days_out_of_range = 延期最长 { $max } 天；{ $requested } 天超出了这个期限。
reason_amount_missing = 还需要您告诉我金额。
reason_date_missing = 还需要您告诉我日期。
reason_amount_not_positive = 金额需要大于零。
reason_amount_over_overdue = { $amount } 超过了逾期金额 { $overdue }。这里记录的承诺最多为逾期金额。
reason_date_in_past = { $date } 已经过去了（或您说的时间已过）。请选择今天或之后的日期。
reason_date_too_far = { $date } 距今超过 { $days } 天；这里最晚可以约定到 { $latest }。
reason_partial_below_minimum = 部分还款金额至少为 { $minimum }；{ $amount } 低于这个金额。
reason_no_open_promise = 您目前没有有效的还款承诺。
reason_promise_not_open = 这笔还款承诺已不再有效，无法修改或取消。发送 /agreements 可查看当前有效的约定。
reason_promise_change_limit = 还款承诺在这里最多可修改 { $max } 次，这笔承诺已经修改过这么多次了。
reason_callback_in_past = 该时间（{ $start }）已经过去了。
reason_callback_too_far = 回电最多可预约 { $days } 天以内；{ $start } 超出了这个范围。
reason_callback_outside_hours = 我们的客服在 { $weekdays } 的 { $open } 至 { $close } 回电。
reason_callback_not_on_slot = 回电时间按整点或每 { $minutes } 分钟一档安排。
reason_slot_full = 抱歉，{ $start } 这个时段刚刚约满了。
reason_callback_already_booked = 您已经预约了一次回电，可以通过 /agreements 改约或取消。
reason_no_upcoming_callback = 您目前没有预约的回电。

out_of_policy_offer = 我们的客服同事可以和您一起看看具体情况：我可以为您预约回电，您也可以现在转人工客服。

## 困难还款选项

hardship_intro = 谢谢您告诉我。您目前的逾期金额为 { $overdue }（已逾期 { $days } 天）。现在可以为您办理：
plan_waiver_asked = 减免利息或费用不在我这里可以办理的范围内，需要由我们的客服同事结合您的情况审核（可点击下方“转人工”）。
hardship_option_installments = • 分期还款：分 { $min } 至 { $max } 期按月还款，第一期在 { $within } 天内。
hardship_option_deferral = • 延期还款：最晚在今天起 { $max_days } 天内一次性还清。
hardship_option_partial = • 先还一部分：{ $minimum } 起，金额不限，我们会记录下来。
hardship_choose = 请告诉我您希望怎么安排，例如“分{ $instalments }期”或“延期{ $days }天”。
hardship_choose_instalments = 请告诉我您希望怎么安排，例如“分{ $instalments }期”。
hardship_other_options = 以下方案您仍然可以选择：

## 方案报价与记录

plan_quote_installments =
    您的方案：{ $amount } 分 { $count } 期按月还款
    { $schedule }
    合计：{ $total }
plan_quote_deferral =
    您的方案：{ $amount } 延期 { $days } 天，于 { $due } 一次性还清
    合计：{ $total }
plan_fees_frozen = 按方案按时还款期间，不再收取逾期费用。
plan_fees_not_frozen = 方案执行期间，逾期费用仍按借款合同计收。
plan_confirm_ask = 您同意这个方案吗？在您确认之前不会记录任何内容。
plan_quote_stale = 这个报价已失效，没有记录任何内容。请重新选择方案。
plan_quote_changed = 刚才显示的金额或日期有变化，因此尚未记录。以下是最新的方案：
plan_recorded =
    谢谢您。您的还款方案 { $plan_id } 已记录：
    { $schedule }
    合计：{ $total }
plan_recorded_next = 您随时可以发送 /agreements 查看。点“还款方式”可查看每期的还款渠道。
plan_declined = 好的，没有记录任何内容。

## 还款承诺与部分还款

promise_ask_amount = 您打算还多少？请输入金额，例如 500（最多 { $overdue }）。
partial_ask_amount = 您今天可以先还多少？{ $minimum } 至 { $overdue } 之间的任何金额都可以。
promise_ask_date = 您打算哪天还款？请在下方选择日期，或直接输入日期，例如 12月15日（最晚 { $latest }）。
promise_amount_format = 请只输入金额，例如 500。
promise_date_format = 请在下方选择日期，或输入日期，例如 12月15日 或“周五”。
promise_confirm = 跟您确认一下：您将在 { $when } 之前还款 { $amount }，对吗？
partial_confirm = 跟您确认一下：您今天（{ $when }）先还 { $amount }，对吗？
promise_confirm_ask = 需要我为您记录吗？
promise_recorded = 谢谢您，已记录：{ $when } 之前还款 { $amount }（编号 { $promise_id }）。
partial_recorded = 谢谢您，已记录：今天（{ $when }）先还 { $amount }（编号 { $promise_id }）。
promise_how_to_pay = 点“还款方式”可查看还款渠道和您的还款参考号；发送 /agreements 可查看您的约定。
promise_not_recorded = 好的，没有记录任何内容。您准备好后可以告诉我新的金额或日期，或在菜单中选择。
promise_when_able = 感谢您愿意还款。记录还款承诺需要一个日期：如果您能告诉我大概哪天能还（例如“15号”或“下周五”），我来为您记下。如果暂时说不准，分期或延期还款也许能减轻您的压力，点击下方查看可选方案。
promise_which = 您有不止一笔还款承诺，请问是哪一笔？
promise_change_current = 您要修改的是还款承诺 { $promise_id }：{ $when } 之前还款 { $amount }。
promise_change_confirm = 跟您确认一下：还款承诺 { $promise_id } 由 { $old_when } 之前还款 { $old_amount }，改为 { $when } 之前还款 { $amount }，对吗？
promise_changed = 谢谢您，已修改：{ $when } 之前还款 { $amount }（编号 { $promise_id }，替代 { $replaces }）。
promise_cancelled = 已取消还款承诺 { $promise_id }（{ $when } 之前还款 { $amount }）。
promise_cancelled_next = 逾期金额 { $overdue } 仍需归还。如果近期还款有困难，我可以为您介绍还款方案；您也可以在准备好后告诉我新的还款日期。

## 预约回电

callback_existing = 您已预约在 { $when } 回电（编号 { $callback_id }）。在下方选择新的时间即可改约。
callback_choose = 以下是客服最近可回电的时间（{ $timezone } 时间），点击即可预约：
callback_choose_near = 以下是最接近您所说时间的可预约时段（{ $timezone } 时间），点击即可预约：
callback_choose_again = 请点击上方的一个时间，或告诉我日期和时间，例如“明天下午3点”。
callback_no_slots = 抱歉，近几天暂无可预约的回电时间。您可以现在转人工客服。
callback_not_booked = 好的，没有为您预约新的回电时间。您随时可以再预约，或从菜单中选择。
callback_booked = 已预约：客服将于 { $when } 给您回电（编号 { $callback_id }）。
callback_rebooked = 已改约：客服将改为 { $when } 给您回电（编号 { $callback_id }）。
callback_alternatives = 以下时间仍可预约（{ $timezone } 时间）：
callback_cancelled = 已取消 { $when } 的回电（编号 { $callback_id }）。您随时可以重新预约。

## 我答应了什么

agreements_none = 您目前没有正在执行的还款方案、还款承诺或预约的回电。
agreements_intro = 以下是您与我们的约定：
agreements_plan_installments =
    分期还款方案 { $plan_id }：
    { $schedule }
    合计：{ $total }
agreements_plan_deferral =
    延期还款方案 { $plan_id }：
    { $schedule }
    合计：{ $total }
agreements_promise = 还款承诺 { $promise_id }：{ $when } 之前还款 { $amount }
agreements_partial = 部分还款 { $promise_id }：{ $when } 还款 { $amount }
agreements_callback = 预约回电 { $callback_id }：{ $when }

## 按钮

btn_plan_installments = 分{ $count }期
btn_plan_defer = 延期{ $days }天
btn_plan_partial = 💵 先还一部分
btn_plan_accept = ✅ 同意，确认方案
btn_plan_other = ↩️ 看看其他方案
btn_promise_confirm = ✅ 对，记录下来
btn_promise_change = ✏️ 不对，修改
btn_promise_change_ref = ✏️ 修改承诺 { $promise_id }
btn_promise_cancel_ref = ❌ 取消承诺 { $promise_id }
btn_callback_cancel = ❌ 取消回电
btn_callback_change = 🕑 改约时间
