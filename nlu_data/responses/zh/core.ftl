# 核心对话文案（中文）。语气：尊重、乐于帮助、陈述事实；绝不威胁。

welcome = 您好，欢迎！{ who_we_are }
help =
    我可以帮您：
    • 查询当前欠款及明细
    • 了解还款方式：网上银行、手机App、银行柜台
    • 无法全额还款时申请困难还款方案
    • 还款是否到账、还款收据、提前结清
    • 逾期未还会有什么影响
    • 预约客服回电，或转人工客服
    指令：/menu 显示菜单，/lang 切换语言，/logout 退出验证，/stop 停止提醒消息。
menu_prompt = 请问您需要办理什么？
greet_back = 您好！感谢您联系我们。

btn_balance = 💰 查询欠款
btn_channels = 🏦 还款方式
btn_hardship = 🤝 暂时还不上
btn_callback = 📞 预约回电
btn_human = 🙋 转人工
btn_share_phone = 📱 分享我的手机号

verify_ask_phone = 为保护您的账户安全，需要先核实您的身份。请点击下方按钮，分享本Telegram账号的手机号。
verify_use_button = 请使用下方“分享我的手机号”按钮；为了您的安全，我无法接受手动输入或转发的号码。
verify_contact_not_own = 为了您的安全，我只能接受您本人Telegram账号的手机号。请点击下方“分享我的手机号”按钮。
verify_phone_invalid = 无法识别该手机号，请使用下方按钮重新分享。
verify_ask_id = 谢谢。请输入您身份证件号码的后4位（例如 1234 或 123X）。
verify_ask_id_again = 要继续办理，还需要您输入身份证件号码的后4位（例如 1234 或 123X）。
verify_id_format = 请只输入身份证件号码的后4位，例如 1234 或 123X。
verify_failed = 抱歉，信息与我们的记录不符，请核对后重试。您还有 { $remaining } 次机会，之后验证将暂停一段时间。
verify_locked = 为了您的账户安全，多次验证未成功后验证已暂停。请在 { $until } 之后重试。如需即时帮助，可发送 /menu 并选择“转人工”。
verify_success = 谢谢您，身份验证成功。
verify_already = 您已经完成身份验证。
verify_required = 在显示任何账户信息之前，需要先核实您的身份。请发送 /start 进行验证。
logout_done = 您已退出验证。再次查看账户信息前，我会请您重新验证身份。
logout_not_verified = 您尚未验证身份，无需退出。

balance_summary =
    借款 { $loan_id }
    当前逾期应还：{ $total }
      • 当期本金：{ $principal }
      • 利息：{ $interest }
      • 逾期费用：{ $fees }
    逾期天数：{ $days } 天
    剩余本金：{ $outstanding }
    下一还款日：{ $next_due }
    以上数据截至 { $as_of }。
payment_status_posting =
    还款入账后才会在您的借款上显示，各渠道入账时间如下：
    { $channels }
payment_status_now = 借款 { $loan_id } 目前显示逾期应还 { $total }（截至 { $as_of }）。
payment_status_check = 如果按上述时间您的还款应已入账却没有计入，我们的客服可以帮您核查：请点击下方按钮，并准备好还款凭证或转账的时间和金额。
receipts = 还款时，银行或我们的App会给您回单或支付凭证，请妥善保存。还款入账后，“查询欠款”中的金额会相应减少。如需我们出具书面证明，我们的客服可以为您办理：请点击下方按钮。
charges_and_contract = 利息和逾期费用按您的借款合同约定计收，“查询欠款”中可以看到当前逾期金额的各项明细（当期本金、利息和逾期费用）。如需合同副本，或希望我们为您逐项说明计算方式，我们的客服可以为您办理：请点击下方按钮。
payment_trouble = 抱歉给您带来不便。您可以稍后再试，或换一种方式还款：网上银行转账、手机App或银行柜台（点“还款方式”查看各方式及您的还款参考号）。如果仍然失败，或钱已扣出但这里没有显示还款，请点“转人工”，我们的客服会为您核实。
contact_details = 借款登记的手机号和其他联系方式需要由我们的客服核实是您本人后为您更改：请点击下方按钮，客服会为您办理。
settlement_figures = 借款 { $loan_id }：目前逾期应还 { $total }，剩余本金 { $outstanding }（截至 { $as_of }）。
settlement_next = 还清逾期金额即可让借款恢复正常。如需提前结清全部借款，准确金额（含截至还款当日的利息）由我们的客服为您核算确认：请点击“转人工”或“预约回电”；“还款方式”中可查看如何还款。
consequences = 如实告诉您：款项逾期期间，逾期费用会按借款合同继续计收，逾期记录也会按规定报送征信系统，可能影响您今后的借款。还清逾期款项后，账户即恢复正常。如果您暂时无法全额还款，可以申请还款方案或与我们的客服沟通：我可以帮您查询欠款，或和您一起看看有哪些方案。
stage_current = 您的账户目前没有逾期，谢谢！
stage_early = 温馨提醒：本期还款已逾期几天，尽快还款可以保持良好的还款记录。
stage_mid = 本期还款已逾期，请您尽快归还逾期金额。如有困难，请告诉我，我们一起看看有什么办法。
stage_late = 特此告知：逾期记录会按规定报送征信系统，逾期费用也会按借款合同继续计收，直至逾期款项还清。如果您暂时无法全额还款，可以申请还款方案或与我们的客服沟通。
balance_next_steps = 点“还款方式”查看如何还款；如无法全额还款，也可以申请还款方案。

channels_intro = 您可以通过以下任一方式还款：
channel_detail =
    ▶ { $name }
    { $steps }
    截止时间：{ $cutoff } —— { $posting }
channel_hours = 营业时间：{ $hours }
channels_payee =
    收款账户
    户名：{ $account_name }
    开户行：{ $bank }
    账号：{ $account_number }
channels_reference = 借款 { $loan_id } 的还款参考号：{ $reference } —— 还款时请务必填写，以便款项准确入账。
channels_reference_after_verify = 完成身份验证后（发送 /start），我会告诉您专属的还款参考号，还款时需要填写。

optout_confirmed = 好的，之后不会再向您发送提醒或其他主动消息。您仍然可以随时给我发消息，我会回复您。
optout_confirm_messages = 需要我以后不再向您发送提醒和其他主动消息吗？您仍然可以随时给我发消息。
optout_confirm_third_parties = 需要为您记录“关于您的借款只联系您本人，不联系其他任何人”吗？
btn_optout_yes = ✅ 是的
btn_optout_no = 不用了
optout_kept = 好的，没有做任何更改。请问您需要办理什么？
optout_third_parties = 好的，已为您记录：关于您的借款，只联系您本人，不联系其他任何人。您仍然可以随时给我发消息，我会回复您。

lang_choose = 请选择您希望使用的语言：
lang_set = 好的，之后我会用中文回复您。
button_expired = 该按钮已失效，请发送 /menu。
who_we_are = 我是{ $lender }的自动还款助手。我可以为您查询欠款、说明还款方式，如果您暂时还款有困难，也可以帮您了解解决方案。需要时随时可以转人工客服。
contact_source = 这里是{ $lender }的还款助手。我们只就借款人本人的借款，通过该笔借款登记的联系方式与其联系。如果这笔借款或这个号码不是您的，请直接告诉我（例如“打错了”），我们的客服会核实并更正记录。
is_bot = 是的，我是{ $lender }的自动助手，不是真人。如果您希望与我们的客服人员沟通，请点击下方按钮。
take_your_time = 不着急，您慢慢考虑，我随时都在。
you_are_welcome = 不客气，有需要随时找我。
goodbye = 再见，祝您一切顺利。有需要随时给我发消息。
fallback = 抱歉，我没有完全理解。您可以换个说法，或在菜单中选择。
fallback_offer_person = 抱歉，我还是没能理解。需要为您转接人工客服吗？
unsupported_message = 抱歉，我目前只能阅读文字消息。请输入您的问题，或在菜单中选择。
error_temporary = 抱歉，我们这边出了点问题。请过几分钟再试，您发送的内容不会丢失。
error_unavailable = 抱歉，服务暂时不可用，请几分钟后再试。
throttled = 您发送消息的速度有点快。所有消息都已保存，请稍等几秒，我会回复您。
