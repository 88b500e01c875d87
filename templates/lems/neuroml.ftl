<#-- An idiomatic NeuroML/LEMS document: core types by Include, standard elements by tag. Prints the view only. -->
<#macro element e indent>
<#if e.children()?has_content>
${indent}<${e.tag()}<#list e.attributes() as a> ${a.name()}="${a.value()}"</#list>>
<#list e.children() as child>
<@element child indent + "    "/>
</#list>
${indent}</${e.tag()}>
<#else>
${indent}<${e.tag()}<#list e.attributes() as a> ${a.name()}="${a.value()}"</#list>/>
</#if>
</#macro>
<?xml version="1.0" encoding="UTF-8"?>
<Lems>

    <Target component="${doc.target()}"/>

<#list doc.includes() as file>
    <Include file="${file}"/>
</#list>
<#list doc.elements() as e>

<@element e "    "/>
</#list>

</Lems>
