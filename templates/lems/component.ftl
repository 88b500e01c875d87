<#-- One <Component> with its attributes and nested components, indented by `indent`. -->
<#macro component c indent>
<#if c.children()?has_content>
${indent}<Component id="${c.id()}" type="${c.type()}"<#list c.attributes() as a> ${a.name()}="${a.value()}"</#list>>
<#list c.children() as child>
<@component child indent + "    "/>
</#list>
${indent}</Component>
<#else>
${indent}<Component id="${c.id()}" type="${c.type()}"<#list c.attributes() as a> ${a.name()}="${a.value()}"</#list>/>
</#if>
</#macro>
